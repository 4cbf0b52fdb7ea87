import type { DatasetDefinition } from '../define';
import { CODES } from './codes';
import { COHORTS } from './cohorts';
import { IMPACT } from './impact';
import { IMPORTS } from './imports';
import { INTERVENTIONS } from './interventions';
import { OVERVIEW } from './overview';
import { PATTERNS } from './patterns';
import { PUPIL } from './pupil';
import { SUMMARY } from './summary';

/** Every view's datasets, by the view's name in /api/<view>/<dataset>. */
export const DATASETS = {
	codes: CODES,
	cohorts: COHORTS,
	impact: IMPACT,
	imports: IMPORTS,
	interventions: INTERVENTIONS,
	overview: OVERVIEW,
	patterns: PATTERNS,
	pupil: PUPIL,
	summary: SUMMARY
} satisfies Record<string, Record<string, DatasetDefinition>>;

export type ViewName = keyof typeof DATASETS;

/** A view's dataset by name, or undefined. */
export function datasetOf(view: ViewName, name: string): DatasetDefinition | undefined {
	const datasets = DATASETS[view] as Record<string, DatasetDefinition>;
	return Object.hasOwn(datasets, name) ? datasets[name] : undefined;
}
