/** The kinds of file an import recognises, as the importer names them and as people read them. */
export type ImportKind = 'register-long' | 'register-wide' | 'ctf' | 'pupils' | 'interventions' | 'term-dates' | 'schools' | 'benchmarks';

export const KIND_LABELS: Record<ImportKind, string> = {
	'register-long': 'register (one row per session)',
	'register-wide': 'register grid (one column per date)',
	ctf: 'Common Transfer File (CTF) attendance',
	pupils: 'pupil characteristics',
	interventions: 'intervention log',
	'term-dates': 'term dates',
	schools: 'schools',
	benchmarks: 'benchmark figures (national, regional, local authority)'
};

/** The label of a kind named in data (an import's `kind` column), or the name itself. */
export function kindLabel(kind: unknown): string {
	return (KIND_LABELS as Record<string, string>)[String(kind)] ?? String(kind);
}
