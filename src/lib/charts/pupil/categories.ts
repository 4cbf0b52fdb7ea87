export { CATEGORY_LABELS } from '../categories';

/** Text drawn on a category's colour: white on the dark blue of present marks, else near-black. */
export const textOn = (category: string) => (category === 'present' ? '#ffffff' : '#1b1f24');

/** An ISO date as a UTC Date (the charts' dates are days, not instants). */
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
