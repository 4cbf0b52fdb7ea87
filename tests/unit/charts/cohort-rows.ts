// Rows shaped like sql/datasets/cohorts/by_dimension.sql: each group's parts and its rest of school's
// (the school minus the group), rates and gaps worked out from them, national figures for FSM and SEN.
import type { DataRow } from '$lib/arrow-client';

/** The whole school the groups are part of: pupils, possible and absent sessions, persistent and severe absentees. */
const SCHOOL = { pupils: 418, possible: 103_420, absent: 6_521, persistent: 64, severe: 4 };

/** A group's figures and its rest of school's, as the datasets give them. */
export function group([pupils, possible, absent, persistent, severe]: number[]): DataRow {
	const rest = { pupils: SCHOOL.pupils - pupils, possible: SCHOOL.possible - possible, absent: SCHOOL.absent - absent, persistent: SCHOOL.persistent - persistent };
	const rate = absent / possible;
	const restRate = rest.absent / rest.possible;
	return {
		pupils, possible_sessions: possible, absent_sessions: absent, absence_rate: rate,
		persistent_pupils: persistent, persistent_percent: persistent / pupils, severe_pupils: severe, severe_percent: severe / pupils,
		rest_pupils: rest.pupils, rest_possible_sessions: rest.possible, rest_absent_sessions: rest.absent, rest_absence_rate: restRate,
		gap_to_rest_points: 100 * (rate - restRate),
		rest_persistent_pupils: rest.persistent, rest_persistent_percent: rest.persistent / rest.pupils, gap_to_rest_persistent_points: 100 * (persistent / pupils - rest.persistent / rest.pupils)
	};
}

/** National figures for a group, where the release publishes them (FSM and SEN). */
export function national(row: DataRow, absence: number | null, persistent: number | null): DataRow {
	return {
		...row,
		national_absence_rate: absence, gap_to_national_points: absence === null ? null : 100 * ((row.absence_rate as number) - absence),
		national_period: absence === null ? null : '2023/24', national_source: absence === null ? null : 'Pupil absence in schools in England',
		national_persistent_percent: persistent, gap_to_national_persistent_points: persistent === null ? null : 100 * ((row.persistent_percent as number) - persistent),
		national_persistent_period: persistent === null ? null : '2023/24'
	};
}

export const sen = [
	national({ dimension: 'sen', value: 'No SEN', sort_key: 1, ...group([352, 87_130, 4_880, 44, 2]) }, 0.063, 0.174),
	national({ dimension: 'sen', value: 'SEN support', sort_key: 2, ...group([58, 14_310, 1_391, 16, 1]) }, 0.094, 0.296),
	national({ dimension: 'sen', value: 'EHC plan', sort_key: 3, ...group([8, 1_980, 250, 4, 1]) }, 0.108, 0.36)
];
export const fsm = [
	national({ dimension: 'fsm', value: 'FSM eligible', sort_key: 1, ...group([97, 23_660, 2_322, 28, 3]) }, 0.105, 0.356),
	national({ dimension: 'fsm', value: 'Not FSM eligible', sort_key: 2, ...group([321, 79_760, 4_199, 36, 1]) }, 0.057, 0.153)
];
const yearGroups = [['Year 7', 7, [86, 21_300, 1_190, 11, 0]], ['Year 8', 8, [84, 20_810, 1_262, 12, 1]], ['Year 9', 9, [83, 20_540, 1_397, 15, 1]], ['Year 10', 10, [85, 21_070, 1_351, 13, 1]], ['Year 11', 11, [80, 19_700, 1_321, 13, 1]]] as const;
export const byYear = yearGroups.map(([value, sort_key, parts]) => national({ dimension: 'year_group', value, sort_key, ...group([...parts]) }, null, null));

