// The intervention log: the trust's list of intervention types, interventions recorded from a pupil's page
// and changes to them (each kept in intervention_history). The SQL is in sql/datasets/interventions/.
import { InputError } from '../../catalog/errors';
import { runFile, type Row, type Warehouse } from '../warehouse';

export interface InterventionType {
	type_id: number;
	name: string;
	position: number;
	retired_at: string | null;
	added_at: string;
	added_by: string | null;
	interventions: number;
	former_names: string | null;
}

/** A problem with what a form sent, in words for the person who sent it. */
export class InterventionProblem extends InputError {
	constructor(
		message: string,
		readonly field?: string
	) {
		super(message);
		this.name = 'InterventionProblem';
	}
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_TYPE = 80;
export const MAX_TARGET = 200;
export const MAX_NOTES = 2000;

/** A date field of a form: YYYY-MM-DD and a real day, or null when empty and optional. */
export function checkDate(value: string | null | undefined, label: string, field: string, required = false): string | null {
	const text = (value ?? '').trim();
	if (!text) {
		if (required) throw new InterventionProblem(`Enter the ${label}.`, field);
		return null;
	}
	const day = new Date(`${text}T00:00:00Z`);
	if (!ISO_DATE.test(text) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text)
		throw new InterventionProblem(`The ${label} '${text.slice(0, 20)}' is not a date (use the date picker, or YYYY-MM-DD).`, field);
	return text;
}

/** A text field: trimmed, null when empty, refused when longer than `max`. */
export function checkText(value: string | null | undefined, label: string, field: string, max: number): string | null {
	const text = (value ?? '').trim();
	if (text.length > max) throw new InterventionProblem(`The ${label} is ${text.length} characters long: at most ${max}.`, field);
	return text || null;
}

export async function interventionTypes(warehouse: Warehouse): Promise<InterventionType[]> {
	return (await warehouse.read('datasets/interventions/types')) as unknown as InterventionType[];
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase('en-GB') === b.toLocaleLowerCase('en-GB');

function checkTypeName(value: string | null | undefined, types: InterventionType[], exceptId?: number): string {
	const name = checkText(value, 'type name', 'name', MAX_TYPE)?.replace(/\s+/g, ' ');
	if (!name) throw new InterventionProblem('Enter a name for the type.', 'name');
	const taken = types.find((t) => t.type_id !== exceptId && sameName(t.name, name));
	if (taken) throw new InterventionProblem(`'${taken.name}' is already on the list.`, 'name');
	return name;
}

function typeById(types: InterventionType[], id: unknown): InterventionType {
	const type = types.find((t) => String(t.type_id) === String(id));
	if (!type) throw new InterventionProblem('That type is not on the list (it may have been changed by someone else: reload the page).');
	return type;
}

/** Adds a type at the end of the list. */
export async function addType(warehouse: Warehouse, name: string | null, by: string, at = new Date().toISOString()): Promise<string> {
	return warehouse.write(async (conn) => {
		const types = (await runFile(conn, 'datasets/interventions/types')) as unknown as InterventionType[];
		const checked = checkTypeName(name, types);
		await runFile(conn, 'commands/interventions/type_add', { name: checked, by, at });
		return checked;
	});
}

/** Renames a type: its interventions take the new name (history kept), the old name maps imports onto it. */
export async function renameType(
	warehouse: Warehouse,
	typeId: unknown,
	name: string | null,
	by: string,
	at = new Date().toISOString()
): Promise<{ from: string; to: string; interventions: number }> {
	return warehouse.write(async (conn) => {
		const types = (await runFile(conn, 'datasets/interventions/types')) as unknown as InterventionType[];
		const type = typeById(types, typeId);
		const checked = checkTypeName(name, types, type.type_id);
		const [row] = await runFile(conn, 'commands/interventions/type_rename', { type_id: type.type_id, name: checked, by, at });
		return { from: type.name, to: checked, interventions: row.interventions as number };
	});
}

/** Retires a type (no longer offered) or brings it back. */
export async function retireType(warehouse: Warehouse, typeId: unknown, retired: boolean, at = new Date().toISOString()): Promise<string> {
	return warehouse.write(async (conn) => {
		const type = typeById((await runFile(conn, 'datasets/interventions/types')) as unknown as InterventionType[], typeId);
		await runFile(conn, 'commands/interventions/type_retire', { type_id: type.type_id, retired, at });
		return type.name;
	});
}

/** Moves a type one place up or down the list. */
export async function moveType(warehouse: Warehouse, typeId: unknown, step: -1 | 1): Promise<string> {
	return warehouse.write(async (conn) => {
		const type = typeById((await runFile(conn, 'datasets/interventions/types')) as unknown as InterventionType[], typeId);
		await runFile(conn, 'commands/interventions/type_move', { type_id: type.type_id, step });
		return type.name;
	});
}

export interface NewIntervention {
	upn: string;
	school: number;
	type: string | null;
	start: string | null;
	end: string | null;
	review: string | null;
	target: string | null;
	notes: string | null;
}

/** The fields of a new intervention, checked: a current type from the list, real dates in order, short texts. */
export function checkNewIntervention(form: NewIntervention, types: InterventionType[]) {
	const typeName = (form.type ?? '').trim();
	if (!typeName) throw new InterventionProblem('Choose the type of intervention.', 'type');
	const type = types.find((t) => t.name === typeName);
	if (!type) throw new InterventionProblem(`'${typeName.slice(0, 80)}' is not on the list of intervention types.`, 'type');
	if (type.retired_at) throw new InterventionProblem(`'${type.name}' has been retired from the list: choose another type.`, 'type');
	const start = checkDate(form.start, 'start date', 'start', true) as string;
	const end = checkDate(form.end, 'end date', 'end');
	const review = checkDate(form.review, 'review date', 'review');
	if (end && end < start) throw new InterventionProblem(`The end date ${end} is before the start date ${start}.`, 'end');
	if (review && review < start) throw new InterventionProblem(`The review date ${review} is before the start date ${start}.`, 'review');
	return {
		upn: form.upn,
		school: form.school,
		type: type.name,
		start,
		end,
		review,
		target: checkText(form.target, 'target', 'target', MAX_TARGET),
		notes: checkText(form.notes, 'notes', 'notes', MAX_NOTES)
	};
}

/** Records an intervention (checked by checkNewIntervention) as the user; returns its id. */
export async function recordIntervention(
	warehouse: Warehouse,
	checked: ReturnType<typeof checkNewIntervention>,
	by: string,
	at = new Date().toISOString()
): Promise<number> {
	return warehouse.write(async (conn) => {
		const [row] = await runFile(conn, 'commands/interventions/record', { ...checked, staff: by, by, at });
		if (!row) throw new InterventionProblem(`No pupil with UPN ${checked.upn} is in the warehouse.`);
		return row.intervention_id as number;
	});
}

/** One intervention with its pupil's UPN and school, or undefined. */
export async function interventionById(warehouse: Warehouse, id: number): Promise<Row | undefined> {
	const [row] = await warehouse.read('datasets/interventions/one', { intervention_id: id });
	return row;
}

/**
 * Sets an end date and/or a new review date on an intervention (the row as it was kept in
 * intervention_history). `current` is the intervention as interventionById gave it.
 */
export async function changeIntervention(
	warehouse: Warehouse,
	current: Row,
	change: { end: string | null; review: string | null },
	by: string,
	at = new Date().toISOString()
): Promise<string> {
	const start = current.start_date as string;
	const end = checkDate(change.end, 'end date', 'end');
	const review = checkDate(change.review, 'review date', 'review');
	if (!end && !review) throw new InterventionProblem('Enter an end date or a new review date.', 'end');
	if (end && end < start) throw new InterventionProblem(`The end date ${end} is before the start date ${start}.`, 'end');
	if (review && review < start) throw new InterventionProblem(`The review date ${review} is before the start date ${start}.`, 'review');
	const words = [end && end !== current.end_date ? 'end date set' : null, review && review !== current.review_date ? 'review date set' : null].filter(
		Boolean
	);
	if (words.length === 0) throw new InterventionProblem('Those are the dates it already has: nothing changed.', end ? 'end' : 'review');
	const description = words.join(', ');
	await warehouse.write((conn) =>
		runFile(conn, 'commands/interventions/change', { intervention_id: current.intervention_id as number, end, review, change: description, by, at })
	);
	return description;
}
