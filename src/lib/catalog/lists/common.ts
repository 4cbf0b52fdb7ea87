// What the casework lists share: the badges and words of their columns, and how a rule quotes a setting.
import { roundPercent } from '../format';
import { param, type ParamValue } from '../params';
import type { ListColumn, Tone } from '../define';

/** A row's badges from a column's badge map (or its fallback). */
export const badgeOf = (meta: Pick<ListColumn, 'badges' | 'badge'>, value: unknown): { text: string; tone: Tone }[] =>
	value === null || value === undefined || value === ''
		? []
		: String(value)
				.split(/,\s*/)
				.map((v) => meta.badges?.[v] ?? meta.badge?.(v) ?? { text: v.charAt(0).toUpperCase() + v.slice(1), tone: 'neutral' as Tone });

/** A setting's fraction as a rule quotes it: 0.95 → "95%", 0.975 → "97.5%". */
export const pct = (v: ParamValue | undefined) => (v === null || v === undefined || v === '' ? '?' : `${roundPercent(Number(v))}%`);

/** A setting's fraction as percentage points: 0.05 → "5 percentage points". */
export const points = (v: ParamValue | undefined) => (v === null || v === undefined || v === '' ? '?' : `${roundPercent(Number(v))} percentage points`);

/** The bands list's bands: '>= 97%', '95-97%', '90-95% at risk', 'persistent', 'severe' (cut-offs as chosen). */
export const BAND_BADGES: Record<string, { text: string; tone: Tone }> = {
	persistent: { text: 'Persistent', tone: 'bad' },
	severe: { text: 'Severe', tone: 'bad' }
};
export function bandBadge(value: string): { text: string; tone: Tone } {
	if (value.startsWith('>=')) return { text: `≥ ${value.slice(2).trim()}`, tone: 'good' };
	if (value.includes('at risk')) return { text: 'At risk', tone: 'warn' };
	return { text: value.replace('-', '–'), tone: 'neutral' };
}

export const schoolUrn = { label: 'School', kind: 'text', hidden: true } as const;
export const sinceParam = 'Compare with (date)';
export const since = (label: string) => param.date({ description: 'compare with / list changes after this date', label });
export const WORKING_TOGETHER = '“Working together to improve school attendance”, DfE (August 2024)';
export const REGULATIONS = 'School Attendance (Pupil Registration) (England) Regulations 2024';
