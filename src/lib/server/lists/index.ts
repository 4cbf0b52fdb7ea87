// Running the casework lists of the catalog (src/lib/catalog/lists): a list's settings (given, else the
// school's saved ones, else its defaults), its date, its rows and the pupils' details the pages show.
import { InputError, NotFoundError } from '../../catalog/errors';
import { isListName, LIST_PUPILS_SQL, LISTS, listOf, PUPIL_COLUMNS, type ListName } from '../../catalog/lists';
import { checkDate, FILTERS, parseCohort, readParams, type Cohort, type ParamValue } from '../../catalog/params';
import { runFile, type Row, type Warehouse } from '../warehouse';
import { auditOn, changedByName, type ChangedBy } from '../auth/audit';
import { checkWriteScope } from '../auth/scope';
import { warehouseSchools } from '../auth/scope';

export { isListName, LISTS, PUPIL_COLUMNS, type ListName };

export interface ListOptions {
	/** The as-of date, YYYY-MM-DD; default the latest marked day of the school (or of any school). */
	on?: string | null;
	school?: number | null;
	/** The list's own parameters, as numbers or text (the CLI passes text). */
	[param: string]: string | number | null | undefined;
}

export interface ListResult {
	name: ListName;
	on: string | null;
	school: number | null;
	params: Record<string, ParamValue>;
	rows: Row[];
}

/** The list named by a path segment or a command line; NotFoundError unless it is one of LISTS. */
export function listNamed(name: string | undefined): ListName {
	if (!name || !isListName(name)) throw new NotFoundError(`no list '${String(name ?? '').slice(0, 40)}' (the lists: ${Object.keys(LISTS).join(', ')})`);
	return name;
}

/** Checks and types a list's parameters, filling defaults; an InputError names the bad one. */
export function listParams(name: ListName, given: Record<string, string | number | null | undefined>): Record<string, ParamValue> {
	const definition = listOf(name);
	for (const key of Object.keys(given))
		if (given[key] !== undefined && !Object.hasOwn(definition.params, key))
			throw new InputError(`list ${name} has no parameter '${key}' (it takes: ${Object.keys(definition.params).join(', ') || 'none'})`);
	const values = readParams(definition.params, (key) => (given[key] === undefined || given[key] === null ? undefined : String(given[key])));
	const problem = definition.check?.(values);
	if (problem) throw new InputError(problem);
	return values;
}

/** A list's settings saved for a school (its own, else the trust's), as text by parameter name. */
export async function savedListSettings(warehouse: Warehouse, name: ListName, school: number | null): Promise<Record<string, string>> {
	const rows = await warehouse.read('lists/settings', { list: name, school });
	return Object.fromEntries(rows.map((r) => [r.param as string, r.value as string]));
}

/**
 * A list's parameters for a school: those given, else the school's saved settings, else the list's
 * defaults; checked. `saved` says which came from a saved setting.
 */
export async function resolveListParams(warehouse: Warehouse, name: ListName, school: number | null, given: Record<string, string | number | null | undefined>) {
	const saved = Object.fromEntries(Object.entries(await savedListSettings(warehouse, name, school)).filter(([k]) => Object.hasOwn(LISTS[name].params, k)));
	const merged: Record<string, string | number | null | undefined> = { ...saved };
	for (const [k, v] of Object.entries(given)) if (v !== undefined && v !== null && v !== '') merged[k] = v;
	return { params: listParams(name, merged), saved };
}

/**
 * Saves a school's (or, school null, the trust's) settings of a list, after checking them together: only
 * the list's own settings (any other name, `__proto__` included, is refused), a school of the warehouse,
 * and values in range (InputError naming the problem). Saved with who saved them, and audited, in one
 * transaction.
 */
export async function saveListSettings(
	warehouse: Warehouse,
	name: ListName,
	school: number | null,
	values: Record<string, string | number>,
	by: ChangedBy = { actor: 'cli' }
): Promise<void> {
	const own = LISTS[name].params;
	const given = new Map<string, string>();
	for (const [key, value] of Object.entries(values)) {
		if (!Object.hasOwn(own, key))
			throw new InputError(`list ${name} has no parameter '${key.slice(0, 40)}' (its parameters: ${Object.keys(own).join(', ') || 'none'})`);
		if (!((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string')) throw new InputError(`${key} must be a number or a date`);
		const text = String(value).trim();
		if (text === '') throw new InputError(`${key} needs a value`);
		if (text.length > 40) throw new InputError(`${key} is too long: give a number or a date`);
		given.set(key, text);
	}
	if (given.size === 0) throw new InputError(`name at least one setting of list ${name}`);
	if (school !== null && !(Number.isInteger(school) && (await warehouseSchools(warehouse)).includes(school)))
		throw new InputError(`no school with URN ${String(school).slice(0, 20)} in the warehouse`);
	await checkWriteScope(warehouse, by, school, 'change list settings');
	const { params } = await resolveListParams(warehouse, name, school, Object.fromEntries(given));
	const savedAt = new Date().toISOString();
	await warehouse.write(async (conn) => {
		for (const key of given.keys())
			await runFile(conn, 'commands/lists/save_setting', { school, list: name, param: key, value: String(params[key]), saved_at: savedAt, saved_by: changedByName(by) });
		const what = [...given.keys()].map((key) => `${key}=${params[key]}`).join(', ');
		await auditOn(conn, by.actor, 'change list settings', `${name} for ${school === null ? 'the trust' : `school ${school}`}: ${what}`, by.ip ?? null);
	});
}

/** The default as-of date: the latest marked day of the school (or of any school). */
export async function latestDay(warehouse: Warehouse, school: number | null): Promise<string | null> {
	const [latest] = await warehouse.read('lists/latest_day', { school });
	return (latest?.on_date as string | null) ?? null;
}

/** Runs a casework list as of a date (default: the latest marked day), with the school's saved settings. */
export async function runList(warehouse: Warehouse, name: ListName, options: ListOptions = {}): Promise<ListResult> {
	const { on: givenOn, school: givenSchool, ...rest } = options;
	const school = givenSchool ?? null;
	const { params } = await resolveListParams(warehouse, name, school, rest);
	const on = checkDate(givenOn ?? undefined, '--on') ?? (await latestDay(warehouse, school));
	const rows = on ? await warehouse.read(LISTS[name].sql, { ...params, on, school }) : [];
	return { name, on, school, params, rows };
}

/** The list's own parameters as the URL gives them (only those it declares; empty means the default). */
export function givenParams(name: ListName, url: URL): Record<string, string | undefined> {
	const given: Record<string, string | undefined> = {};
	for (const key of Object.keys(LISTS[name].params)) given[key] = url.searchParams.get(key) ?? undefined;
	return given;
}

/**
 * Checks a list request's as-of date and parameters: the problem as a sentence, or the checked values.
 * The as-of date is `on` (YYYY-MM-DD) or null for the latest marked day.
 */
export function checkListRequest(name: ListName, url: URL):
	| { problem: string }
	| { problem: null; on: string | null; params: Record<string, ParamValue> } {
	try {
		const on = checkDate(url.searchParams.get('on') || undefined, 'the as-of date (on)') ?? null;
		return { problem: null, on, params: listParams(name, givenParams(name, url)) };
	} catch (e) {
		if (e instanceof InputError) return { problem: e.message };
		throw e;
	}
}

/** A list's parameters as the pages show them (serialisable). */
export interface ListParamInfo {
	name: string;
	type: 'date' | 'integer' | 'fraction';
	default: string | number | null;
	min: number | null;
	max: number | null;
	description: string;
}

export function listInfo(name: ListName) {
	const definition = listOf(name);
	const params: ListParamInfo[] = Object.entries(definition.params).map(([key, p]) => ({
		name: key,
		type: p.kind as ListParamInfo['type'],
		default: p.default,
		min: p.min ?? null,
		max: p.max ?? null,
		description: p.description ?? ''
	}));
	return { name, label: definition.label, columns: Object.keys(definition.columns), params };
}

/** The year group and cohort a list's rows are narrowed to, and its school, from the URL (the date range does not apply). */
export function listFilters(url: URL): { school: number | null; yearGroup: string | null; cohort: Cohort | null } {
	const f = readParams({ school: FILTERS.school, yg: FILTERS.yg, cohort: FILTERS.cohort }, (k) => url.searchParams.get(k));
	return { school: f.school, yearGroup: f.yg, cohort: parseCohort(f.cohort) };
}

/**
 * A list's rows as of its date for the URL's school, narrowed to the pupils of the URL's year group and
 * cohort (as of that date), each with the pupil's name, year group and flags. `details: false` (counting)
 * skips the pupils' details when no year group or cohort narrows the list.
 */
export async function filteredList(warehouse: Warehouse, name: ListName, url: URL, details = true) {
	const filters = listFilters(url);
	const checked = checkListRequest(name, url);
	if (checked.problem !== null) throw new InputError(checked.problem);
	// the URL's own settings: the school's saved ones and the defaults fill the rest
	const list = await runList(warehouse, name, { ...givenParams(name, url), on: checked.on, school: filters.school });
	if (!list.on || list.rows.length === 0) return { on: list.on, rows: [] as Row[] };
	if (!details && !filters.yearGroup && !filters.cohort) return { on: list.on, rows: list.rows };
	const byUpn = await listPupils(warehouse, list.on, list.rows, filters);
	const rows: Row[] = [];
	// the list's rows are its own (fresh from the query): each takes its pupil's columns in place
	for (const row of list.rows) {
		const pupil = byUpn.get(row.upn as string);
		if (!pupil) continue;
		for (const c of Object.keys(PUPIL_COLUMNS)) row[c] = pupil[c] ?? null;
		rows.push(row);
	}
	return { on: list.on, rows };
}

/** The details of the pupils of a list's rows (those in the year group and cohort asked for), by UPN. */
async function listPupils(warehouse: Warehouse, on: string, rows: Row[], filters: ReturnType<typeof listFilters>): Promise<Map<string, Row>> {
	const params = { on, year_group: filters.yearGroup, cohort_dimension: filters.cohort?.dimension ?? null, cohort_value: filters.cohort?.value ?? null };
	// every pupil's details as of a day, kept until the next commit (lists are mostly as of the latest day)
	if (!filters.yearGroup && !filters.cohort)
		return warehouse.keep(`list pupils ${on}`, async () => new Map((await warehouse.read(LIST_PUPILS_SQL, { ...params, upns: null })).map((p) => [p.upn as string, p])));
	const upns = [...new Set(rows.map((r) => String(r.upn)))];
	const pupils = await warehouse.read(LIST_PUPILS_SQL, { ...params, upns: upns.join(',') });
	return new Map(pupils.map((p) => [p.upn as string, p]));
}
