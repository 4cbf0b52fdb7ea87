/** A moment as the warehouse's TIMESTAMP columns hold it: UTC, 'YYYY-MM-DD HH:MM:SS.sss'. */
export const sqlTime = (d: Date): string => d.toISOString().replace('T', ' ').replace('Z', '');
