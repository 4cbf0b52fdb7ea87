// The one responder of every data endpoint: the user, the parameters, one snapshot, the source, small-number
// suppression, Arrow. Below it nothing throws HTTP errors: the domain throws InputError / NotFoundError /
// AccessError (src/lib/catalog/errors.ts), which become 400 / 404 / 401-403 with their message; anything
// else is a fault of ours, logged here and answered with a 500 that says nothing of its internals.
import { error, json, type RequestEvent } from '@sveltejs/kit';
import { datasetOf, DATASETS, type ViewName } from '../catalog/datasets';
import { columnNames, type DatasetDefinition } from '../catalog/define';
import { AccessError, InputError, NotFoundError, statusOf } from '../catalog/errors';
import { listColumns, type ListName } from '../catalog/lists';
import { readParams, sqlParams, param } from '../catalog/params';
import type { SuppressionSpec } from '../catalog/suppression';
import { WITHHELD } from '../withheld';
import { ARROW_TYPE, columnsToArrow, rowsToArrow } from './arrow';
import { audit } from './auth/audit';
import { can, mustSuppress, type SessionUser } from './auth/roles';
import { filterParams, resolveFilters, type FilterParams } from './filters';
import { filteredList, listNamed } from './lists';
import { COMPUTED } from './sources/computed';
import { suppressionThreshold, suppressRows } from './suppression';
import { columnsToRows, type Columns, type Row, type Warehouse } from './warehouse';
import { appWarehouse } from './warehouse/shared';

/** The client's address, when the adapter knows it (tests' hand-made events do not). */
export function clientIp(event: RequestEvent): string | null {
	try {
		return event.getClientAddress();
	} catch {
		return null;
	}
}

/** A request that failed: the domain's errors as their status and message; anything else a logged 500. */
export function failure(e: unknown, event: Pick<RequestEvent, 'url'>): Response {
	const status = statusOf(e);
	if (status !== null) return json({ message: (e as Error).message }, { status, headers: { 'cache-control': 'no-store' } });
	console.error(`${event.url.pathname}: unexpected error`, e);
	return json({ message: 'Something went wrong on the server. It has been logged.' }, { status: 500, headers: { 'cache-control': 'no-store' } });
}

/**
 * An endpoint that is not a dataset (uploads, downloads, saves): the domain's errors it throws become
 * SvelteKit errors with their status and message (see `checked`); anything else is SvelteKit's logged 500.
 */
export function guarded<E>(handler: (event: E) => Promise<Response>): (event: E) => Promise<Response> {
	return (event) => checked(() => handler(event));
}

/** In a page's load (or `guarded`): the domain's errors `work` throws become SvelteKit's errors with their status and message. */
export function checked<T>(work: () => T): T {
	const rethrow = (e: unknown): never => {
		const status = statusOf(e);
		if (status !== null) error(status, (e as Error).message);
		throw e;
	};
	try {
		const result = work();
		return (result instanceof Promise ? result.catch(rethrow) : result) as T;
	} catch (e) {
		return rethrow(e);
	}
}

/** What a data answer is: its columns (in the catalog's order), whether it is about pupils, and its suppression. */
interface Shape {
	columns: string[];
	pupilLevel?: boolean;
	/** Audited by the route policy (src/lib/server/auth/policy.ts) rather than here. */
	auditedByRoute?: boolean;
	suppress?: DatasetDefinition['suppress'];
}

type Produce = (context: { user: SessionUser; warehouse: Warehouse }) => Promise<{ answer: Columns | Row[]; headers?: Record<string, string> }>;

/**
 * Answers a data request: checks the user against the answer's shape, produces it inside one snapshot
 * (never half of an import committing meanwhile), withholds small numbers for the roles that must not
 * see them, and sends it as Arrow IPC. Server-Timing says how long the work took.
 */
async function serve(event: RequestEvent, shape: Shape, produce: Produce): Promise<Response> {
	try {
		const user = event.locals?.user ?? null;
		if (!user) throw new AccessError(401, 'sign in first');
		mayOpen(user, shape);
		const warehouse = await appWarehouse();
		const started = performance.now();
		const { answer, headers } = await warehouse.snapshot(() => produce({ user, warehouse }));
		const ms = performance.now() - started;
		const body = arrowOf(answer, shape, user);
		// who opened which pupils' data
		if (shape.pupilLevel && !shape.auditedByRoute)
			await audit(warehouse, user, 'open pupil data', `${event.params?.upn ? `${event.params.upn} ` : ''}${event.url.pathname}${event.url.search}`, clientIp(event));
		return new Response(body as BodyInit, {
			headers: { 'content-type': ARROW_TYPE, 'cache-control': 'no-store', 'server-timing': `db;dur=${ms.toFixed(1)}`, ...headers }
		});
	} catch (e) {
		return failure(e, event);
	}
}

function arrowOf(answer: Columns | Row[], shape: Shape, user: SessionUser): Uint8Array {
	if (suppressesFor(user, shape)) {
		const rows = forUser(Array.isArray(answer) ? answer : columnsToRows(answer), shape, user);
		// the column is there only when something was withheld
		return rowsToArrow(rows, rows.some((row) => row[WITHHELD]) ? [...shape.columns, WITHHELD] : shape.columns);
	}
	return Array.isArray(answer) ? rowsToArrow(answer, shape.columns) : columnsToArrow(answer, shape.columns);
}

/** Refuses pupil-level data to a role that may not see pupils. */
function mayOpen(user: SessionUser, shape: Pick<Shape, 'pupilLevel'>): void {
	if (shape.pupilLevel && !can(user, 'pupils')) throw new AccessError(403, 'Pupil-level data is not available for your role');
}

/** Whether this user's copy of the answer has small numbers withheld by a spec. */
const suppressesFor = (user: SessionUser, shape: Pick<Shape, 'suppress'>): boolean => mustSuppress(user) && typeof shape.suppress === 'object';

/** The rows as this user may see them: small numbers withheld for roles that see aggregates only. */
function forUser(rows: Row[], shape: Pick<Shape, 'suppress' | 'columns'>, user: SessionUser): Row[] {
	return suppressesFor(user, shape) ? withheld(rows, shape.suppress as SuppressionSpec, shape.columns) : rows;
}

/** Rows with their small numbers withheld, each naming the cells withheld (WITHHELD) so that tables show the DfE's 'c'. */
function withheld(before: Row[], spec: SuppressionSpec, columns: string[]): Row[] {
	const rows = suppressRows(before, spec);
	return rows.map((row, i) => {
		const cells = columns.filter((c) => row[c] === null && before[i][c] !== null && before[i][c] !== undefined);
		return cells.length ? { ...row, [WITHHELD]: cells.join(',') } : row;
	});
}

/**
 * For a role that sees aggregates only: refuses a request whose filters (school, range, year group, cohort)
 * select at least one but fewer pupils than the small-number threshold, since every figure of it would rest
 * on them. It says no more than that (not how many). Without a year group or cohort, a dataset with its own
 * suppression spec withholds a small school's cells itself.
 */
async function guardSelection(warehouse: Warehouse, user: SessionUser, params: FilterParams): Promise<void> {
	if (!mustSuppress(user) || !params.from || !params.to) return;
	const [{ pupils }] = await warehouse.read('reports/selected_pupils', { ...params }, { keep: true });
	const threshold = suppressionThreshold();
	if ((pupils as number) > 0 && (pupils as number) < threshold)
		throw new AccessError(
			403,
			`These filters select fewer than ${threshold} pupils. Figures about so few pupils are not shown to your role, so that no child can be picked out: choose a wider group.`
		);
}

/** A dataset's rows for a page's load, as its endpoint would answer the same URL for this user (suppressed, guarded). */
export async function datasetRows(warehouse: Warehouse, user: SessionUser, view: ViewName, name: string, url: URL): Promise<Row[]> {
	const dataset = datasetOf(view, name);
	if (!dataset) throw new NotFoundError(`no dataset '${view}/${name}'`);
	mayOpen(user, dataset);
	const rows = columnsToRows(await warehouse.snapshot(() => produceDataset(warehouse, user, dataset, { url, params: {} })));
	return forUser(rows, { suppress: dataset.suppress, columns: columnNames(dataset) }, user);
}

/** The user's schools as the per-pupil queries take them ($schools): URNs joined by commas, or null for every school. */
export const schoolsParam = (user: SessionUser): string | null => (user.schools === null ? null : user.schools.join(','));

/** A dataset's answer for a request: the filters held to the user's scope, the selection guarded, the source run. */
async function produceDataset(warehouse: Warehouse, user: SessionUser, dataset: DatasetDefinition, event: Pick<RequestEvent, 'url' | 'params'>): Promise<Columns> {
	const filters = await resolveFilters(event.url, warehouse, user);
	const own = datasetParams(dataset, event);
	const params = filterParams(filters);
	// a narrowing filter is refused when it selects too few; so is a school too small for a dataset whose every row rests on all of it
	const narrowed = params.year_group !== null || params.cohort_dimension !== null;
	if (!dataset.pupilLevel && (narrowed || dataset.suppress === 'selection')) await guardSelection(warehouse, user, params);
	const source = dataset.source;
	// every per-pupil query holds its rows to the user's schools (sql/rules/scope.sql)
	if ('sql' in source) return warehouse.readColumns(source.sql, { ...params, ...own, schools: schoolsParam(user) });
	const rows = await COMPUTED[source.computed]({ warehouse, filters, params: own });
	const names = columnNames(dataset);
	return { names, types: [], columns: names.map((c) => rows.map((r) => r[c] ?? null)) };
}

/** The dataset's own parameters from the URL (and path), checked together, as SQL parameters. */
export function datasetParams(dataset: DatasetDefinition, event: Pick<RequestEvent, 'url' | 'params'>): Record<string, string | number | null> {
	const values = readParams(dataset.params, (key) => event.url.searchParams.get(key));
	const problem = dataset.check?.(values);
	if (problem) throw new InputError(problem);
	const out = sqlParams(dataset.params, values);
	if (dataset.pathParam === 'upn') {
		const segment = event.params?.upn ?? /^\/api\/pupil\/([^/]+)\//.exec(event.url.pathname)?.[1] ?? '';
		out.upn = param.upn().parse(decodeURIComponent(segment), 'upn');
	}
	return out;
}

/** GET /api/<view>/<dataset>: a dataset of the catalog for the URL's filters and the dataset's parameters. */
export function respondDataset(event: RequestEvent, view: ViewName): Promise<Response> {
	const name = String(event.params.dataset ?? '');
	const dataset = datasetOf(view, name);
	if (!dataset) return Promise.resolve(failure(new NotFoundError(`no dataset '${name.slice(0, 40)}'`), event));
	return serve(event, { columns: columnNames(dataset), pupilLevel: dataset.pupilLevel, suppress: dataset.suppress }, async ({ user, warehouse }) => ({
		answer: await produceDataset(warehouse, user, dataset, event)
	}));
}

/** A list's answer: the list named by the path (404 otherwise), produced by `produce` like any dataset. */
function serveList(event: RequestEvent, shape: (list: ListName) => Shape, produce: (list: ListName, warehouse: Warehouse) => ReturnType<Produce>): Promise<Response> {
	let list: ListName;
	try {
		list = listNamed(event.params.list);
	} catch (e) {
		return Promise.resolve(failure(e, event));
	}
	return serve(event, shape(list), ({ warehouse }) => produce(list, warehouse));
}

/** GET /api/lists/<list>?on=&<its parameters>&school=&yg=&cohort=: the list's rows with the pupils' details. */
export function respondList(event: RequestEvent): Promise<Response> {
	return serveList(
		event,
		(list) => ({ columns: listColumns(list), pupilLevel: true, auditedByRoute: true }),
		async (list, warehouse) => {
			const { on, rows } = await filteredList(warehouse, list, event.url);
			return { answer: rows, headers: { 'x-list-on': on ?? '' } };
		}
	);
}

/** GET /api/lists/<list>/count: how many pupils (and rows) the list holds for the same request (no pupils). */
export function respondListCount(event: RequestEvent): Promise<Response> {
	return serveList(
		event,
		() => ({ columns: ['list', 'on', 'pupils', 'rows'] }),
		async (list, warehouse) => {
			const { on, rows } = await filteredList(warehouse, list, event.url, false);
			return { answer: [{ list, on, pupils: new Set(rows.map((r) => r.upn)).size, rows: rows.length }] };
		}
	);
}

export { DATASETS };
