import type { ListColumns, ListDefinition } from '../define';
import { bands } from './bands';
import { continuous } from './continuous';
import { daily } from './daily';
import { lateness } from './lateness';
import { partTime } from './part-time';
import { penalty } from './penalty';
import { recognition } from './recognition';
import { recovery } from './recovery';
import { stages } from './stages';
import { termly } from './termly';
import { unresolvedN } from './unresolved-n';

/** The casework lists, by the name the CLI and the pages use (/lists/<name>, `report <name>`). */
export const LISTS = {
	penalty,
	stages,
	continuous,
	'unresolved-n': unresolvedN,
	bands,
	daily,
	termly,
	lateness,
	'part-time': partTime,
	recognition,
	recovery
} satisfies Record<string, ListDefinition>;

export type ListName = keyof typeof LISTS;

export function isListName(name: string): name is ListName {
	return Object.hasOwn(LISTS, name);
}

export function listOf(name: ListName): ListDefinition {
	return LISTS[name] as ListDefinition;
}

/** What the list pages show beside each UPN (sql/datasets/lists/pupils.sql), after the list's own columns. */
export const PUPIL_COLUMNS = {
	name: { type: 'text', label: 'Name', kind: 'text' },
	sort_name: { type: 'text', label: 'Sort name', kind: 'text', hidden: true },
	year_group: { type: 'text', label: 'Year group', kind: 'text' },
	year_group_order: { type: 'integer', label: 'Year group order', kind: 'count', hidden: true },
	form: { type: 'text', label: 'Form', kind: 'text' },
	fsm: { type: 'boolean', label: 'FSM', kind: 'flag', hidden: true },
	pupil_premium: { type: 'boolean', label: 'Pupil premium', kind: 'flag', hidden: true },
	sen: { type: 'text', label: 'SEN', kind: 'text', hidden: true },
	looked_after: { type: 'boolean', label: 'Looked after', kind: 'flag', hidden: true },
	child_in_need: { type: 'boolean', label: 'Child in need', kind: 'flag', hidden: true },
	child_protection_plan: { type: 'boolean', label: 'Protection plan', kind: 'flag', hidden: true },
	young_carer: { type: 'boolean', label: 'Young carer', kind: 'flag', hidden: true }
} satisfies ListColumns;

/** Every column a list's rows have as the pages receive them: its own, then the pupils'. */
export function listColumns(name: ListName): string[] {
	return [...Object.keys(LISTS[name].columns), ...Object.keys(PUPIL_COLUMNS)];
}

/** The SQL of the pupils' details joined to every list. */
export const LIST_PUPILS_SQL = 'datasets/lists/pupils';
