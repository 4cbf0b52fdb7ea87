import { checkDate } from '../reports';
import { runFile, type Row, type Warehouse } from '../warehouse';

/** A list's own parameter: its SQL name ($name), type, default and bounds. */
export interface ListParam {
	type: 'date' | 'integer' | 'fraction';
	default: string | number | null;
	min?: number;
	max?: number;
	description: string;
}

export interface ListDefinition {
	file: string;
	label: string;
	/** The columns of its rows, in order (upn first). */
	columns: readonly string[];
	params: Record<string, ListParam>;
	/** Checks the parameters together (e.g. band cut-offs in order); returns a problem or null. */
	check?: (params: Record<string, string | number | null>) => string | null;
}

const since: ListParam = { type: 'date', default: null, description: 'compare with / list changes after this date' };

/**
 * The casework lists of `sql/lists/`, by the name the CLI and the pages use. Every list runs as of a date
 * ($on, default the latest marked day) for one school or all ($school) and returns `upn` first.
 */
export const LISTS = {
	penalty: {
		file: 'lists/penalty',
		label: 'Penalty-notice threshold: unauthorised sessions in 10 school weeks',
		columns: ['upn', 'unauthorised_sessions_in_window', 'window_start', 'window_end', 'threshold_met_on', 'sessions_before_threshold', 'next_drop_date', 'next_drop_sessions', 'school_urn'],
		params: {
			threshold_sessions: { type: 'integer', default: 10, min: 1, max: 1000, description: 'unauthorised sessions that meet the threshold' },
			window_weeks: { type: 'integer', default: 10, min: 1, max: 60, description: 'school weeks in the rolling window' }
		}
	},
	stages: {
		file: 'lists/stages',
		label: 'Staged approach: absent days this year, stages at 4, 7, 10, 13, 16 and 19 days',
		columns: ['upn', 'absent_days', 'absent_sessions', 'stage_days', 'stage_name', 'crossed_on', 'stage_days_on_since', 'band', 'school_urn'],
		params: { since }
	},
	continuous: {
		file: 'lists/continuous',
		label: 'Continuous unauthorised absence (10 and 20 days) and illness this year',
		columns: ['upn', 'reason', 'start_date', 'days_so_far', 'latest_date', 'action', 'school_urn'],
		params: {
			missing_days: { type: 'integer', default: 10, min: 1, max: 200, description: 'consecutive school days of unauthorised absence' },
			illness_days: { type: 'integer', default: 15, min: 1, max: 200, description: 'days of illness this academic year' },
			removal_days: { type: 'integer', default: 20, min: 1, max: 400, description: 'consecutive days for the removal-from-roll checks' }
		}
	},
	'unresolved-n': {
		file: 'lists/unresolved-n',
		label: 'N codes (no reason yet) older than a number of school days',
		columns: ['upn', 'unresolved_sessions', 'oldest_date', 'oldest_age_school_days', 'latest_date', 'sessions', 'school_urn'],
		params: { days: { type: 'integer', default: 5, min: 0, max: 200, description: 'school days after which an N is overdue' } }
	},
	bands: {
		file: 'lists/bands',
		label: 'Attendance bands this year, with movement since last half-term',
		columns: ['upn', 'attendance_rate', 'band', 'possible_sessions', 'attended_sessions', 'absent_sessions', 'previous_attendance_rate', 'previous_band', 'movement', 'compared_to', 'school_urn'],
		params: {
			band_high: { type: 'fraction', default: 0.97, min: 0, max: 1, description: 'attendance at or above: top band' },
			band_mid: { type: 'fraction', default: 0.95, min: 0, max: 1, description: 'attendance at or above: expected band' },
			band_low: { type: 'fraction', default: 0.9, min: 0, max: 1, description: 'attendance at or below: persistent absence' },
			since
		},
		check: (p) =>
			(p.band_high as number) >= (p.band_mid as number) && (p.band_mid as number) > (p.band_low as number)
				? null
				: 'band cut-offs must be in order: band_high >= band_mid > band_low'
	},
	daily: {
		file: 'lists/daily',
		label: 'First-day calls: absent today with no reason yet',
		columns: ['upn', 'forename', 'surname', 'n_sessions', 'days_absent_in_row', 'home_visit', 'cla', 'child_in_need', 'child_protection_plan', 'ehcp', 'school_urn'],
		params: { home_visit_days: { type: 'integer', default: 4, min: 0, max: 200, description: 'a home visit after more than this many days absent in a row' } }
	},
	termly: {
		file: 'lists/termly',
		label: 'Termly: 10+ days unauthorised this term, EHCP attendance falls',
		columns: ['upn', 'reason', 'term_start', 'unauthorised_days', 'attendance_rate', 'previous_attendance_rate', 'attendance_change', 'school_urn'],
		params: {
			unauthorised_days: { type: 'integer', default: 10, min: 1, max: 200, description: 'school days of unauthorised absence this term' },
			ehcp_drop: { type: 'fraction', default: 0.05, min: 0, max: 1, description: 'fall in an EHCP pupil’s attendance since last half-term' }
		}
	},
	lateness: {
		file: 'lists/lateness',
		label: 'Persistent lateness (L and U)',
		columns: ['upn', 'late_total', 'late_sessions', 'late_after_close_sessions', 'minutes_late', 'sessions_with_minutes', 'latest_late_date', 'school_urn'],
		params: { since, min_late: { type: 'integer', default: 10, min: 1, max: 1000, description: 'late sessions (L or U) to be listed' } }
	},
	'part-time': {
		file: 'lists/part-time',
		label: 'Part-time timetables (C2) this year',
		columns: ['upn', 'c2_sessions', 'first_c2_date', 'latest_c2_date', 'possible_sessions', 'attended_sessions', 'other_absent_sessions', 'school_urn'],
		params: {}
	},
	recognition: {
		file: 'lists/recognition',
		label: 'Recognition: 95%+ this year, most improved since last half-term',
		columns: ['upn', 'attendance_rate', 'half_term_rate', 'previous_half_term_rate', 'improvement', 'improved_rank', 'recognition', 'school_urn'],
		params: {
			rate: { type: 'fraction', default: 0.95, min: 0, max: 1, description: 'attendance this year at or above' },
			top: { type: 'integer', default: 10, min: 0, max: 10000, description: 'most improved pupils per school' }
		}
	},
	recovery: {
		file: 'lists/recovery',
		label: 'Recovery: sessions needed to finish the year at 90% and 95%',
		columns: ['upn', 'attendance_rate', 'attended_sessions', 'possible_sessions', 'school_days_left', 'sessions_left', 'sessions_needed_low', 'outlook_low', 'sessions_needed_high', 'outlook_high', 'school_urn'],
		params: {
			target_low: { type: 'fraction', default: 0.9, min: 0, max: 1, description: 'the first target (pupils below it are listed)' },
			target_high: { type: 'fraction', default: 0.95, min: 0, max: 1, description: 'the second target' }
		},
		check: (p) => ((p.target_high as number) >= (p.target_low as number) ? null : 'target_high must be at or above target_low')
	}
} as const satisfies Record<string, ListDefinition>;

export type ListName = keyof typeof LISTS;

export function isListName(name: string): name is ListName {
	return Object.hasOwn(LISTS, name);
}

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
	params: Record<string, string | number | null>;
	rows: Row[];
}

/** Checks and types a list's parameters, filling defaults; throws a message naming the bad one. */
export function listParams(name: ListName, given: Record<string, string | number | null | undefined>) {
	const definition: ListDefinition = LISTS[name];
	const out: Record<string, string | number | null> = {};
	for (const key of Object.keys(given))
		if (given[key] !== undefined && !Object.hasOwn(definition.params, key))
			throw new Error(`list ${name} has no parameter '${key}' (it takes: ${Object.keys(definition.params).join(', ') || 'none'})`);
	for (const [key, param] of Object.entries(definition.params)) {
		const raw = given[key];
		if (raw === undefined || raw === null || raw === '') {
			out[key] = param.default;
			continue;
		}
		if (param.type === 'date') {
			out[key] = checkDate(String(raw), `--${key}`) ?? null;
			continue;
		}
		const value = typeof raw === 'number' ? raw : /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
		if (Number.isNaN(value) || (param.type === 'integer' && !Number.isInteger(value)))
			throw new Error(`${key} must be ${param.type === 'integer' ? 'a whole number' : 'a number'}, not '${raw}'`);
		if ((param.min !== undefined && value < param.min) || (param.max !== undefined && value > param.max))
			throw new Error(`${key} must be between ${param.min} and ${param.max}, not ${value}`);
		out[key] = value;
	}
	const problem = definition.check?.(out);
	if (problem) throw new Error(problem);
	return out;
}

/** A list's settings saved for a school (its own, else the trust's), as text by parameter name. */
export async function savedListSettings(warehouse: Warehouse, name: ListName, school: number | null): Promise<Record<string, string>> {
	const rows = await warehouse.query('lists/settings', { list: name, school });
	return Object.fromEntries(rows.map((r) => [r.param as string, r.value as string]));
}

/**
 * A list's parameters for a school: those given, else the school's saved settings, else the list's
 * defaults; checked. `saved` says which came from a saved setting.
 */
export async function resolveListParams(
	warehouse: Warehouse,
	name: ListName,
	school: number | null,
	given: Record<string, string | number | null | undefined>
) {
	const saved = Object.fromEntries(
		Object.entries(await savedListSettings(warehouse, name, school)).filter(([k]) => Object.hasOwn(LISTS[name].params, k))
	);
	const merged: Record<string, string | number | null | undefined> = { ...saved };
	for (const [k, v] of Object.entries(given)) if (v !== undefined && v !== null && v !== '') merged[k] = v;
	return { params: listParams(name, merged), saved };
}

/** Saves a school's (or, school null, the trust's) settings of a list, after checking them together. */
export async function saveListSettings(
	warehouse: Warehouse,
	name: ListName,
	school: number | null,
	values: Record<string, string | number>
): Promise<void> {
	const { params } = await resolveListParams(warehouse, name, school, values);
	const savedAt = new Date().toISOString();
	await warehouse.transaction(async (conn) => {
		for (const key of Object.keys(values))
			await runFile(conn, 'commands/lists/save_setting', { school, list: name, param: key, value: String(params[key]), saved_at: savedAt });
	});
}

/** Runs a casework list as of a date (default: the latest marked day), with the school's saved settings. */
export async function runList(warehouse: Warehouse, name: ListName, options: ListOptions = {}): Promise<ListResult> {
	const { on: givenOn, school: givenSchool, ...rest } = options;
	const school = givenSchool ?? null;
	const { params } = await resolveListParams(warehouse, name, school, rest);
	let on = checkDate(givenOn ?? undefined, '--on') ?? null;
	if (!on) {
		const [latest] = await warehouse.query('lists/latest_day', { school });
		on = (latest?.on_date as string | null) ?? null;
	}
	const rows = on ? await warehouse.query(LISTS[name].file, { ...params, on, school }) : [];
	return { name, on, school, params, rows };
}
