import { error } from '@sveltejs/kit';
import type { Dataset } from '../api';
import type { Warehouse } from '../warehouse';

const GRAINS = ['half_term', 'term', 'year', 'year_to_date'];

/** ?grains=half_term or ?grains=term,year,year_to_date: the grains wanted (all when absent; 400 on others). */
function grains(url: URL): string | null {
	const text = url.searchParams.get('grains');
	if (!text) return null;
	const bad = text.split(',').filter((g) => !GRAINS.includes(g));
	if (bad.length) error(400, `grains must be some of ${GRAINS.join(', ')} (not '${bad.join(', ')}')`);
	return text;
}

/** The Overview view's datasets (sql/datasets/overview/). */
export const OVERVIEW_DATASETS: Record<string, Dataset> = {
	/** One row per half-term, term and academic year of the chosen year and the two before (see the SQL). */
	periods: {
		sql: 'datasets/overview/periods',
		columns: [
			'grain', 'academic_year', 'label', 'term', 'start_date', 'end_date', 'pupils', 'possible_sessions', 'absent_sessions',
			'authorised_sessions', 'unauthorised_sessions', 'attendance_rate', 'overall_absence_rate', 'authorised_absence_rate',
			'unauthorised_absence_rate', 'persistent_pupils', 'severe_pupils', 'persistent_percent', 'severe_percent',
			'days_missed_per_pupil', 'calendar', 'national_overall_absence_rate', 'national_authorised_absence_rate',
			'national_unauthorised_absence_rate', 'national_persistent_percent', 'national_severe_percent', 'national_source',
			'national_period', 'national_school_type', 'la_overall_absence_rate', 'la_authorised_absence_rate',
			'la_unauthorised_absence_rate', 'la_persistent_percent', 'la_severe_percent', 'la_source', 'la_period', 'la_area'
		],
		params: (url) => ({ grains: grains(url) }),
		// Half-terms add up to their term (and terms to the year): a withheld half-term takes another with it.
		suppress: {
			pupils: 'pupils',
			cells: [
				'pupils', 'possible_sessions', 'absent_sessions', 'authorised_sessions', 'unauthorised_sessions', 'attendance_rate',
				'overall_absence_rate', 'authorised_absence_rate', 'unauthorised_absence_rate', 'days_missed_per_pupil'
			],
			counts: [
				{ pupils: 'persistent_pupils', cells: ['persistent_pupils', 'persistent_percent'] },
				{ pupils: 'severe_pupils', cells: ['severe_pupils', 'severe_percent'] }
			],
			groupBy: ['academic_year', 'term'],
			isTotal: (row) => row.grain === 'term' || row.grain === 'year'
		}
	}
};

/** The attendance target that applies to a school (or the trust, null), as a percentage (96 = 96%). */
export interface Target {
	target_percent: number;
	/** 'school': its own; 'trust': the trust's, standing in; 'default': none set, 96%. */
	source: 'school' | 'trust' | 'default';
	set_at: string | null;
}

export async function readTarget(warehouse: Warehouse, school: number | null): Promise<Target> {
	const [row] = await warehouse.query('datasets/overview/target', { school });
	return row as unknown as Target;
}

export async function saveTarget(warehouse: Warehouse, school: number | null, percent: number): Promise<void> {
	await warehouse.query('commands/overview/save_target', { school, target_percent: percent, set_at: new Date().toISOString() });
}

/**
 * Checks a target as a form gives it: the school ('' for the trust) must be in the warehouse, the target a
 * percentage from 50 to 100 with at most one decimal place ('96', '95.5', '96%').
 */
export async function checkTarget(
	warehouse: Warehouse,
	schoolText: string,
	targetText: string
): Promise<{ school: number | null; target: number } | { error: string }> {
	let school: number | null = null;
	if (schoolText.trim() !== '') {
		const schools = (await warehouse.query('reports/schools')) as { urn: number }[];
		if (!/^\d{1,8}$/.test(schoolText.trim()) || !schools.some((s) => s.urn === Number(schoolText)))
			return { error: 'That school is not in the warehouse.' };
		school = Number(schoolText);
	}
	const text = targetText.trim().replace(/\s*%$/, '');
	const target = Number(text);
	if (!/^\d{1,3}(\.\d)?$/.test(text) || target < 50 || target > 100)
		return { error: 'Enter the target as a percentage between 50 and 100, with at most one decimal place (for example 96 or 95.5).' };
	return { school, target };
}
