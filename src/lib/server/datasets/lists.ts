import { error, type RequestEvent } from '@sveltejs/kit';
import { ARROW_TYPE, rowsToArrow } from '../arrow';
import { isListName, LISTS, listParams, runList, type ListName } from '../lists';
import { FILTER_PARAMS } from '$lib/filters';
import { checkDate, parseCohort } from '../reports';
import type { Row, Warehouse } from '../warehouse';
import { appWarehouse } from '../warehouse/shared';

/** What the list pages show beside each UPN (sql/datasets/lists/pupils.sql), after the list's own columns. */
export const PUPIL_COLUMNS = [
	'name', 'sort_name', 'year_group', 'year_group_order', 'form', 'fsm', 'pupil_premium', 'sen', 'looked_after',
	'child_in_need', 'child_protection_plan', 'young_carer'
] as const;

/**
 * The casework lists as datasets of the list pages: a list's rows (sql/lists/<name>.sql, run by runList as
 * of `on`) joined with the pupils of datasets/lists/pupils (names, year group as of `on`, flags), which also
 * applies the year-group and cohort filters. Pupil-level: names and UPNs.
 */
export const LIST_DATASETS = Object.fromEntries(
	(Object.keys(LISTS) as ListName[]).map((name) => [
		name,
		{ sql: LISTS[name].file, columns: [...LISTS[name].columns, ...PUPIL_COLUMNS] as string[], pupilLevel: true as const }
	])
) as Record<ListName, { sql: string; columns: string[]; pupilLevel: true }>;

/** A parameter of a list, as the pages show it (serialisable). */
export interface ListParamInfo {
	name: string;
	type: 'date' | 'integer' | 'fraction';
	default: string | number | null;
	min: number | null;
	max: number | null;
	description: string;
}

export function listInfo(name: ListName) {
	const definition = LISTS[name];
	const params: ListParamInfo[] = Object.entries(definition.params).map(([key, p]) => ({
		name: key,
		type: p.type,
		default: p.default,
		min: 'min' in p ? (p.min ?? null) : null,
		max: 'max' in p ? (p.max ?? null) : null,
		description: p.description
	}));
	return { name, label: definition.label, columns: [...definition.columns] as string[], params };
}

/** The list named by a path segment: 404 unless it is one of LISTS. */
export function listNamed(name: string | undefined): ListName {
	if (!name || !isListName(name)) error(404, `no list '${String(name ?? '').slice(0, 40)}' (the lists: ${Object.keys(LISTS).join(', ')})`);
	return name;
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
	| { problem: null; on: string | null; params: Record<string, string | number | null> } {
	try {
		const on = checkDate(url.searchParams.get('on') || undefined, 'the as-of date (on)') ?? null;
		return { problem: null, on, params: listParams(name, givenParams(name, url)) };
	} catch (e) {
		return { problem: (e as Error).message };
	}
}

/** The default as-of date: the latest marked day of the school (or of any school). */
export async function latestDay(warehouse: Warehouse, school: number | null): Promise<string | null> {
	const [latest] = await warehouse.query('lists/latest_day', { school });
	return (latest?.on_date as string | null) ?? null;
}

/**
 * The dashboard filters a list takes from the URL, checked as every view checks them (400 when malformed):
 * the school, and the year group and cohort its rows are narrowed to. The date range does not apply.
 */
export function listFilters(url: URL) {
	const get = (key: keyof typeof FILTER_PARAMS) => url.searchParams.get(FILTER_PARAMS[key]) || null;
	const schoolText = get('school');
	if (schoolText !== null && !/^\d{1,8}$/.test(schoolText)) error(400, 'school must be a URN');
	const yearGroup = get('yearGroup');
	if (yearGroup !== null && yearGroup.length > 40) error(400, 'year group is too long');
	let cohort: { dimension: string; value: string } | null;
	try {
		cohort = parseCohort(get('cohort'));
	} catch (e) {
		error(400, (e as Error).message);
	}
	return { school: schoolText === null ? null : Number(schoolText), yearGroup, cohort };
}

/**
 * A list's rows as of its date for the URL's school, narrowed to the pupils of the URL's year group and
 * cohort (as of that date), each with the pupil's name, year group and flags. 400 on a bad parameter.
 * `details: false` (counting) skips the pupils' details when no year group or cohort narrows the list.
 */
export async function filteredList(warehouse: Warehouse, name: ListName, url: URL, details = true) {
	const filters = listFilters(url);
	const checked = checkListRequest(name, url);
	if (checked.problem !== null) error(400, checked.problem);
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
		for (const c of PUPIL_COLUMNS) row[c] = pupil[c] ?? null;
		rows.push(row);
	}
	return { on: list.on, rows };
}

/** Every pupil's details as of a day, by UPN: kept until the next commit (lists are mostly as of the latest day). */
const everyPupil = new WeakMap<Promise<Row[]>, Map<string, Row>>();

/** The details of the pupils of a list's rows (those in the year group and cohort asked for), by UPN. */
async function listPupils(warehouse: Warehouse, on: string, rows: Row[], filters: ReturnType<typeof listFilters>): Promise<Map<string, Row>> {
	if (!filters.yearGroup && !filters.cohort) {
		const all = warehouse.cachedQuery('datasets/lists/pupils', { upns: null, on, year_group: null, cohort_dimension: null, cohort_value: null });
		let byUpn = everyPupil.get(all);
		if (!byUpn) everyPupil.set(all, (byUpn = new Map((await all).map((p) => [p.upn as string, p]))));
		return byUpn;
	}
	const upns = [...new Set(rows.map((r) => String(r.upn)))];
	const pupils = await warehouse.query('datasets/lists/pupils', {
		upns: upns.join(','),
		on,
		year_group: filters.yearGroup,
		cohort_dimension: filters.cohort?.dimension ?? null,
		cohort_value: filters.cohort?.value ?? null
	});
	return new Map(pupils.map((p) => [p.upn as string, p]));
}

const headers = (ms: number) => ({ 'content-type': ARROW_TYPE, 'cache-control': 'no-store', 'server-timing': `db;dur=${ms.toFixed(1)}` });

/** GET /api/lists/<list>?on=&<its parameters>&school=&yg=&cohort=: the list's rows as Arrow IPC. */
export async function listResponse(event: RequestEvent): Promise<Response> {
	const name = listNamed(event.params.list);
	const warehouse = await appWarehouse();
	const started = performance.now();
	// one snapshot for the list and its pupils: never half of an import committing meanwhile
	const { on, rows } = await warehouse.snapshot(() => filteredList(warehouse, name, event.url));
	const ms = performance.now() - started;
	return new Response(rowsToArrow(rows, LIST_DATASETS[name].columns) as BodyInit, {
		headers: { ...headers(ms), 'x-list-on': on ?? '' }
	});
}

/** GET /api/lists/<list>/count: how many pupils (and rows) the list holds for the same request (no pupils). */
export async function listCountResponse(event: RequestEvent): Promise<Response> {
	const name = listNamed(event.params.list);
	const warehouse = await appWarehouse();
	const started = performance.now();
	const { on, rows } = await warehouse.snapshot(() => filteredList(warehouse, name, event.url, false));
	const ms = performance.now() - started;
	const pupils = new Set(rows.map((r) => r.upn)).size;
	return new Response(rowsToArrow([{ list: name, on, pupils, rows: rows.length }], ['list', 'on', 'pupils', 'rows']) as BodyInit, {
		headers: headers(ms)
	});
}
