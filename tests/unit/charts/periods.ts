// Rows shaped like sql/datasets/overview/periods.sql: half-terms, terms and years of three academic years,
// rates worked out from their parts, national figures where the release publishes them.
import type { DataRow } from '$lib/arrow-client';

/** A period's row from its parts: pupils, possible and absent sessions, persistent and severe absentees. */
function period(
	grain: string, academic_year: string, label: string, term: string | null, start_date: string, end_date: string,
	[pupils, possible, absent, persistent, severe]: number[],
	national: { overall: number; persistent: number; period: string } | null = null
): DataRow {
	return {
		grain, academic_year, label, term, start_date, end_date, pupils,
		possible_sessions: possible, absent_sessions: absent,
		attendance_rate: 1 - absent / possible, overall_absence_rate: absent / possible,
		persistent_pupils: persistent, severe_pupils: severe,
		persistent_percent: persistent / pupils, severe_percent: severe / pupils,
		days_missed_per_pupil: absent / 2 / pupils,
		national_overall_absence_rate: national?.overall ?? null,
		national_persistent_percent: national?.persistent ?? null,
		national_period: national?.period ?? null,
		national_source: national ? 'Pupil absence in schools in England' : null
	};
}

/** Two whole years with national figures published (2023/24, 2024/25) and the year under way (2025/26, to Spring 1). */
export const PERIODS: DataRow[] = [
	period('half_term', '2023/24', 'Autumn 1', 'Autumn', '2023-09-04', '2023-10-20', [412, 57680, 2941, 58, 3]),
	period('half_term', '2023/24', 'Autumn 2', 'Autumn', '2023-10-30', '2023-12-20', [415, 60175, 3791, 81, 4]),
	period('half_term', '2023/24', 'Spring 1', 'Spring', '2024-01-04', '2024-02-09', [414, 43470, 2565, 70, 3]),
	period('half_term', '2023/24', 'Spring 2', 'Spring', '2024-02-19', '2024-03-28', [416, 47840, 2727, 66, 4]),
	period('half_term', '2023/24', 'Summer 1', 'Summer', '2024-04-15', '2024-05-24', [417, 47955, 2446, 55, 2]),
	period('half_term', '2023/24', 'Summer 2', 'Summer', '2024-06-03', '2024-07-19', [417, 57546, 3223, 72, 4]),
	period('term', '2023/24', 'Autumn', 'Autumn', '2023-09-04', '2023-12-20', [415, 117855, 6732, 71, 3],
		{ overall: 0.064, persistent: 0.184, period: '2023/24, autumn term, to 20 Dec 2023' }),
	period('term', '2023/24', 'Spring', 'Spring', '2024-01-04', '2024-03-28', [416, 91310, 5292, 67, 3]),
	period('term', '2023/24', 'Summer', 'Summer', '2024-04-15', '2024-07-19', [417, 105501, 5669, 62, 3]),
	period('year', '2023/24', '2023/24', null, '2023-09-04', '2024-07-19', [418, 314666, 17693, 64, 3],
		{ overall: 0.071, persistent: 0.207, period: '2023/24, full academic year, to 31 Aug 2024' }),
	period('half_term', '2024/25', 'Autumn 1', 'Autumn', '2024-09-03', '2024-10-25', [420, 63000, 2898, 55, 2]),
	period('half_term', '2024/25', 'Autumn 2', 'Autumn', '2024-11-04', '2024-12-20', [421, 58940, 3595, 77, 3]),
	period('half_term', '2024/25', 'Spring 1', 'Spring', '2025-01-06', '2025-02-14', [421, 50520, 2829, 62, 2]),
	period('half_term', '2024/25', 'Spring 2', 'Spring', '2025-02-24', '2025-04-04', [422, 50640, 2684, 58, 3]),
	period('half_term', '2024/25', 'Summer 1', 'Summer', '2025-04-22', '2025-05-23', [423, 41454, 2030, 49, 2]),
	period('half_term', '2024/25', 'Summer 2', 'Summer', '2025-06-02', '2025-07-22', [423, 59220, 3139, 66, 3]),
	period('term', '2024/25', 'Autumn', 'Autumn', '2024-09-03', '2024-12-20', [421, 121940, 6493, 63, 2],
		{ overall: 0.061, persistent: 0.171, period: '2024/25, autumn term, to 20 Dec 2024' }),
	period('term', '2024/25', 'Spring', 'Spring', '2025-01-06', '2025-04-04', [422, 101160, 5513, 58, 2]),
	period('term', '2024/25', 'Summer', 'Summer', '2025-04-22', '2025-07-22', [423, 100674, 5169, 55, 2]),
	period('year', '2024/25', '2024/25', null, '2024-09-03', '2025-07-22', [424, 323774, 17175, 58, 2],
		{ overall: 0.069, persistent: 0.194, period: '2024/25, full academic year, to 31 Aug 2025' }),
	period('half_term', '2025/26', 'Autumn 1', 'Autumn', '2025-09-03', '2025-10-24', [431, 63357, 2788, 48, 2]),
	period('half_term', '2025/26', 'Autumn 2', 'Autumn', '2025-11-03', '2025-12-19', [432, 60480, 3508, 70, 3]),
	period('half_term', '2025/26', 'Spring 1', 'Spring', '2026-01-05', '2026-02-13', [432, 51840, 2644, 57, 2]),
	period('term', '2025/26', 'Autumn', 'Autumn', '2025-09-03', '2025-12-19', [432, 123837, 6296, 58, 2]),
	period('term', '2025/26', 'Spring', 'Spring', '2026-01-05', '2026-02-13', [432, 51840, 2644, 57, 2]),
	period('year', '2025/26', '2025/26', null, '2025-09-03', '2026-02-13', [433, 175677, 8940, 52, 2])
];

