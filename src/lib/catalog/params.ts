// Parameters of datasets, lists and the CLI: each kind turns the text a URL or a command line gives into
// a typed value, or throws an InputError that names the parameter. No DB, no SvelteKit.
import { InputError } from './errors';

export type ParamValue = string | number | null;

export interface Param<T extends ParamValue = ParamValue> {
	kind: 'date' | 'integer' | 'fraction' | 'choice' | 'choices' | 'text' | 'urn' | 'upn' | 'cohort' | 'academic_year';
	/** The value when the parameter is absent or empty. */
	default: T;
	/** Absent is an error. */
	required?: boolean;
	min?: number;
	max?: number;
	choices?: readonly string[];
	/** What the parameter does (list settings, CLI usage). */
	description?: string;
	/** A form label (list settings). */
	label?: string;
	/** The SQL parameter it binds ($name), when not its own name. */
	as?: string;
	parse(text: string, name: string): T;
}

export type ParamSpec = Record<string, Param>;
export type ValuesOf<S extends ParamSpec> = { [K in keyof S]: S[K]['default'] | ReturnType<S[K]['parse']> };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD date that exists (throws naming `name` otherwise); undefined for empty. */
export function checkDate(value: string | undefined | null, name: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const d = new Date(`${value}T00:00:00Z`);
	if (!ISO_DATE.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
		throw new InputError(`${name} must be a date as YYYY-MM-DD, not '${value}'`);
	return value;
}

/** The cohort dimensions pupils can be grouped and filtered by (sql/measures/pupil_cohorts.sql). */
export const COHORT_DIMENSIONS = ['year_group', 'sex', 'fsm', 'pupil_premium', 'sen', 'eal', 'ethnicity', 'cla'] as const;
export type CohortDimension = (typeof COHORT_DIMENSIONS)[number];
export interface Cohort {
	dimension: string;
	value: string;
}

/** A cohort filter written as dimension:value ('fsm:FSM eligible'), or null. */
export function parseCohort(text: string | undefined | null): Cohort | null {
	if (!text) return null;
	const at = text.indexOf(':');
	const dimension = at > 0 ? text.slice(0, at) : '';
	if (!(COHORT_DIMENSIONS as readonly string[]).includes(dimension) || at === text.length - 1)
		throw new InputError(`a cohort is dimension:value, the dimension one of ${COHORT_DIMENSIONS.join(', ')} (not '${text}')`);
	return { dimension, value: text.slice(at + 1) };
}

type Extra = Pick<Param, 'description' | 'label' | 'as' | 'required'>;

function numberParam(kind: 'integer' | 'fraction', opts: { default: number | null; min: number; max: number; message?: string } & Extra): Param<number | null> {
	return {
		kind,
		...opts,
		parse(text, name) {
			const value = /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
			if (Number.isNaN(value) || (kind === 'integer' && !Number.isInteger(value)))
				throw new InputError(opts.message ?? `${name} must be ${kind === 'integer' ? 'a whole number' : 'a number'}, not '${text}'`);
			if (value < opts.min || value > opts.max) throw new InputError(opts.message ?? `${name} must be between ${opts.min} and ${opts.max}, not ${value}`);
			return value;
		}
	};
}

/** The kinds of parameter. */
export const param = {
	date: (opts: Extra = {}): Param<string | null> => ({ kind: 'date', default: null, ...opts, parse: (t, name) => checkDate(t, name) ?? null }),
	integer: (opts: { default: number | null; min: number; max: number; message?: string } & Extra) => numberParam('integer', opts),
	fraction: (opts: { default: number | null; min: number; max: number; message?: string } & Extra) => numberParam('fraction', opts),
	choice: <C extends string>(choices: readonly C[], opts: { default?: C | null; message?: string } & Extra = {}): Param<C | null> => ({
		kind: 'choice',
		choices,
		...opts,
		default: opts.default ?? null,
		parse(text, name) {
			if (!(choices as readonly string[]).includes(text)) throw new InputError(opts.message ?? `${name} must be one of ${choices.join(', ')} (not '${text}')`);
			return text as C;
		}
	}),
	/** Some of the choices, comma-separated: kept as the text given. */
	choices: (choices: readonly string[], opts: Extra = {}): Param<string | null> => ({
		kind: 'choices',
		choices,
		default: null,
		...opts,
		parse(text, name) {
			const bad = text.split(',').filter((g) => !choices.includes(g));
			if (bad.length) throw new InputError(`${name} must be some of ${choices.join(', ')} (not '${bad.join(', ')}')`);
			return text;
		}
	}),
	text: (opts: { max: number; message?: string } & Extra): Param<string | null> => ({
		kind: 'text',
		default: null,
		...opts,
		parse(text, name) {
			const value = text.trim();
			if (value.length > opts.max) throw new InputError(opts.message ?? `${name} is too long`);
			return value || null;
		}
	}),
	urn: (opts: { message?: string } & Extra = {}): Param<number | null> => ({
		kind: 'urn',
		default: null,
		...opts,
		parse(text, name) {
			if (!/^\d{1,8}$/.test(text)) throw new InputError(opts.message ?? `${name} must be a URN`);
			return Number(text);
		}
	}),
	/** A UPN as the warehouse holds it: a capital letter and 12 digits (the check letter is not re-checked). */
	upn: (opts: Extra = {}): Param<string | null> => ({
		kind: 'upn',
		default: null,
		...opts,
		parse(text) {
			if (!UPN_PATTERN.test(text)) throw new InputError('a UPN is a capital letter and 12 digits');
			return text;
		}
	}),
	cohort: (opts: Extra = {}): Param<string | null> => ({
		kind: 'cohort',
		default: null,
		...opts,
		parse(text) {
			parseCohort(text);
			return text;
		}
	}),
	academicYear: (opts: Extra = {}): Param<string | null> => ({
		kind: 'academic_year',
		default: null,
		...opts,
		parse(text) {
			if (!/^\d{4}\/\d{2}$/.test(text)) throw new InputError('year must be an academic year such as 2025/26');
			return text;
		}
	})
};

export const UPN_PATTERN = /^[A-Z]\d{12}$/;

/**
 * Reads a spec's parameters through `get` (a URL's search params, a CLI's options): absent or empty
 * gives the default; a value that does not parse is an InputError naming the parameter.
 */
export function readParams<S extends ParamSpec>(spec: S, get: (name: string) => string | null | undefined): ValuesOf<S> {
	const out: Record<string, ParamValue> = {};
	for (const [name, p] of Object.entries(spec)) {
		const text = get(name);
		if (text === undefined || text === null || text === '') {
			if (p.required) throw new InputError(`${name} is required`);
			out[name] = p.default;
		} else out[name] = p.parse(text, name);
	}
	return out as ValuesOf<S>;
}

/** Values as SQL parameters: each under its `as` name where it has one. */
export function sqlParams(spec: ParamSpec, values: Record<string, ParamValue>): Record<string, ParamValue> {
	const out: Record<string, ParamValue> = {};
	for (const [name, value] of Object.entries(values)) out[spec[name]?.as ?? name] = value;
	return out;
}

/** The dashboard's filters (the URL names of src/lib/filters.ts), as every view reads them. */
export const FILTERS = {
	school: param.urn({ message: 'school must be a URN' }),
	year: param.academicYear(),
	from: param.date(),
	to: param.date(),
	yg: param.text({ max: 40, message: 'year group is too long' }),
	cohort: param.cohort()
};
