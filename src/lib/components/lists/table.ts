/**
 * The list pages' table: its columns (the pupil first, then the list's own, then the pupil's needs), how
 * values read ("3 Mar 2026", "87.5%", "+3.2 pts") and how rows sort (nulls last either way).
 */
import type { DataRow } from '$lib/arrow-client';
import type { Column } from '$lib/charts/download';
import { LISTS, type ListName } from '$lib/catalog/lists';
import type { ListColumn as ColumnMeta, ListColumnKind as ColumnKind, ListDefinition, Tone } from '$lib/catalog/define';
import { decimal, percent, roundPercent, signed } from '$lib/catalog/format';
import type { ParamValue } from '$lib/catalog/params';

type ParamValues = Record<string, ParamValue>;

/** A list of the catalog by name (its title, rule, columns), or a bare one for a name it does not know. */
export function listMeta(name: string): ListDefinition {
	return Object.hasOwn(LISTS, name)
		? (LISTS[name as ListName] as ListDefinition)
		: { sql: '', label: name, title: name, purpose: '', rule: () => '', source: '', params: {}, columns: {} };
}

/** A column's label, worked out from the list's settings where it names one ("To reach 95%"). */
export function columnLabel(meta: ColumnMeta | undefined, key: string, params: ParamValues): string {
	if (!meta) return key.replace(/_/g, ' ');
	return typeof meta.label === 'function' ? meta.label(params) : meta.label;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO date as "3 Mar 2026". */
export function shortDate(iso: string | null | undefined): string {
	if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return '–';
	return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An ISO date as "Friday 10 July 2026". */
export function dayDate(iso: string | null | undefined): string {
	if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return '–';
	const d = new Date(`${iso}T00:00:00Z`);
	return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${LONG_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The ISO date `days` days after (or before) `iso`. */
export function addDays(iso: string, days: number): string {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

const num = (v: unknown) => (typeof v === 'number' && !Number.isNaN(v) ? v : null);

export function formatValue(kind: ColumnKind | 'pupil' | 'year_group' | 'needs' | 'school', value: DataRow[string]): string {
	if (value === null || value === undefined) return '–';
	switch (kind) {
		case 'count': return num(value) === null ? String(value) : (value as number).toLocaleString('en-GB');
		case 'days': return num(value) === null ? String(value) : Number.isInteger(value) ? String(value) : decimal(value as number);
		case 'date': return shortDate(String(value));
		case 'rate': return num(value) === null ? '–' : percent(value as number);
		case 'points': {
			const v = num(value);
			if (v === null) return '–';
			return `${signed(roundPercent(v))} pts`;
		}
		case 'sessions': return String(value).replace(/\d{4}-\d{2}-\d{2}/g, (d) => shortDate(d));
		default: return String(value);
	}
}

export interface Badge { text: string; tone: Tone }

/** The badges of a value (a flag, a categorical value, a list of them) or null for plain text. */
export function badgesOf(meta: ColumnMeta, value: DataRow[string]): Badge[] | null {
	if (meta.kind === 'flag') return value === true ? [meta.flag ?? { text: 'Yes', tone: 'neutral' }] : [];
	if (meta.kind !== 'badge' && meta.kind !== 'badges') return null;
	if (value === null || value === undefined || value === '') return [];
	const parts = meta.kind === 'badges' ? String(value).split(/,\s*/) : [String(value)];
	return parts.map((v) => meta.badges?.[v] ?? meta.badge?.(v) ?? { text: v.charAt(0).toUpperCase() + v.slice(1), tone: 'neutral' });
}

/** The pupil's needs as badges: FSM, PP, SEN support / EHCP, CLA, CIN, CP, young carer. */
export function needsOf(row: DataRow): Badge[] {
	const out: Badge[] = [];
	if (row.child_protection_plan) out.push({ text: 'CP plan', tone: 'bad' });
	if (row.looked_after) out.push({ text: 'CLA', tone: 'warn' });
	if (row.child_in_need) out.push({ text: 'CIN', tone: 'warn' });
	if (row.sen === 'E') out.push({ text: 'EHCP', tone: 'info' });
	if (row.sen === 'K') out.push({ text: 'SEN support', tone: 'info' });
	if (row.fsm) out.push({ text: 'FSM', tone: 'neutral' });
	if (row.pupil_premium) out.push({ text: 'PP', tone: 'neutral' });
	if (row.young_carer) out.push({ text: 'Young carer', tone: 'neutral' });
	return out;
}

export const NEEDS_HELP =
	'CP plan: child protection plan · CLA: looked after · CIN: child in need · EHCP: education, health and care plan · SEN support · FSM: free school meals · PP: pupil premium';

/** A column of the table. */
export interface TableColumn {
	key: string;
	label: string;
	kind: ColumnKind | 'pupil' | 'year_group' | 'needs' | 'school';
	numeric: boolean;
	meta?: ColumnMeta;
	help?: string;
	/** The value rows sort by. */
	sortValue: (row: DataRow) => string | number | null;
}

const NUMERIC: ColumnKind[] = ['count', 'days', 'rate', 'points', 'needed'];

/** The table's columns for a list: pupil, year group, form, [school], the list's visible columns, needs. */
export function tableColumns(name: string, listColumns: string[], rows: DataRow[], params: ParamValues, showSchool: boolean): TableColumn[] {
	const meta = listMeta(name);
	const out: TableColumn[] = [
		{ key: 'upn', label: 'Pupil', kind: 'pupil', numeric: false, sortValue: (r) => (r.sort_name as string | null) ?? (r.upn as string) },
		{
			key: 'year_group', label: 'Year · form', kind: 'year_group', numeric: false,
			sortValue: (r) => (r.year_group_order === null && r.form === null ? null : `${String(100 + ((r.year_group_order as number | null) ?? 99))} ${r.form ?? ''}`)
		}
	];
	if (showSchool) out.push({ key: 'school_name', label: 'School', kind: 'school', numeric: false, sortValue: (r) => r.school_name as string | null });
	for (const key of listColumns) {
		if (key === 'upn' || key === 'school_urn') continue;
		const m: ColumnMeta = meta.columns[key] ?? { type: 'text', label: key.replace(/_/g, ' '), kind: 'text' };
		if (m.hidden) continue;
		if (m.hideWhenEmpty && rows.every((r) => r[key] === null || r[key] === undefined)) continue;
		if (m.sameNote && rows.length > 0 && rows.every((r) => r[key] === rows[0][key])) continue;
		const by = m.sortBy ?? key;
		const badgeOrder = m.kind === 'badge' && m.badges && !m.sortBy ? Object.keys(m.badges) : null;
		out.push({
			key,
			label: columnLabel(m, key, params),
			kind: m.kind,
			numeric: NUMERIC.includes(m.kind),
			meta: m,
			help: m.help,
			sortValue: (r) => {
				const v = r[by];
				if (v === null || v === undefined) return null;
				if (badgeOrder) {
					const at = badgeOrder.indexOf(String(v));
					return at >= 0 ? at : badgeOrder.length;
				}
				return typeof v === 'boolean' ? (v ? 1 : 0) : (v as string | number);
			}
		});
	}
	out.push({ key: 'needs', label: 'Needs', kind: 'needs', numeric: false, help: NEEDS_HELP, sortValue: (r) => needsOf(r).length || null });
	return out;
}

/** The columns every row has the same value in, said once above the table ("Window from: 11 May 2026"). */
export function sameNotes(name: string, listColumns: string[], rows: DataRow[], params: ParamValues): { label: string; value: string }[] {
	const meta = listMeta(name);
	if (rows.length === 0) return [];
	return listColumns
		.filter((key) => meta.columns[key]?.sameNote && rows.every((r) => r[key] === rows[0][key]) && rows[0][key] !== null)
		.map((key) => ({ label: columnLabel(meta.columns[key], key, params), value: formatValue(meta.columns[key].kind, rows[0][key]) }));
}

export type SortDirection = 'ascending' | 'descending';

/** Rows sorted by a column (a stable sort; empty values last whichever the direction). */
export function sortRows(rows: DataRow[], column: TableColumn | undefined, direction: SortDirection): DataRow[] {
	if (!column) return rows;
	const sign = direction === 'ascending' ? 1 : -1;
	return rows
		.map((row, i) => ({ row, i, v: column.sortValue(row) }))
		.sort((a, b) => {
			if (a.v === null && b.v === null) return a.i - b.i;
			if (a.v === null) return 1;
			if (b.v === null) return -1;
			const c = typeof a.v === 'number' && typeof b.v === 'number'
				? a.v - b.v
				: String(a.v).localeCompare(String(b.v), 'en-GB', { numeric: true, sensitivity: 'base' });
			return c === 0 ? a.i - b.i : sign * c;
		})
		.map((x) => x.row);
}

/** The CSV of a list: the pupil, then every column of the list (raw values), then the pupil's flags. */
export function csvColumns(listColumns: string[]): Column[] {
	const keys = [
		'upn', 'name', 'year_group', 'form', 'school_urn', 'school_name',
		...listColumns.filter((c) => c !== 'upn' && c !== 'school_urn'),
		'fsm', 'pupil_premium', 'sen', 'looked_after', 'child_in_need', 'child_protection_plan', 'young_carer'
	];
	return [...new Set(keys)].map((key) => ({ key, label: key }));
}
