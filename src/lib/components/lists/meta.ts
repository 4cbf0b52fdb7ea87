/**
 * What the list pages say about each casework list (sql/lists/*.sql): a short title, what it is for, the
 * rule it follows (from the SQL's opening comment) and how each of its columns reads. The list's own label,
 * columns and parameters come from the server (LISTS in src/lib/server/lists).
 */

export type ParamValues = Record<string, string | number | null>;

/** How a value shows in a list: counts, days (halves kept), dates, rates, changes in points, badges, text. */
export type ColumnKind = 'count' | 'days' | 'date' | 'rate' | 'points' | 'text' | 'flag' | 'badge' | 'badges' | 'sessions' | 'needed';

export interface ColumnMeta {
	label: string | ((params: ParamValues) => string);
	kind: ColumnKind;
	/** Not shown in the table (it stays in the CSV). */
	hidden?: boolean;
	/** Shown only when some row has a value. */
	hideWhenEmpty?: boolean;
	/** When every row has the same value, said once above the table instead of in a column. */
	sameNote?: boolean;
	/** Long text: wraps. */
	wrap?: boolean;
	/** A date shown as a badge of this tone (a threshold met). */
	dateTone?: Tone;
	/** For 'needed': the column saying whether the target can still be reached. */
	outlook?: string;
	/** For badges: the text shown for each value, and its tone. */
	badges?: Record<string, { text: string; tone: Tone }>;
	/** For badges: a value the map does not name. */
	badge?: (value: string) => { text: string; tone: Tone };
	/** Sort by another column's values (a stage by its days, a band by the attendance behind it). */
	sortBy?: string;
	/** For flags: the badge shown when true. */
	flag?: { text: string; tone: Tone };
	/** A short explanation of the column (the header's title and the table's notes). */
	help?: string;
}

export type Tone = 'bad' | 'warn' | 'good' | 'info' | 'neutral';

export interface ListMeta {
	title: string;
	purpose: string;
	/** The rule, with the parameters' values as chosen (defaults filled). */
	rule: (p: ParamValues) => string;
	source: string;
	columns: Record<string, ColumnMeta>;
	/** Labels of the list's parameters (the server gives their defaults, bounds and descriptions). */
	params: Record<string, string>;
	/** The groups a row falls in, for the counts above the list ("Threshold met: 12"). */
	breakdown?: (row: Record<string, unknown>) => { text: string; tone: Tone }[];
}

/** A row's badges from a column's badge map (or its fallback). */
const badgeOf = (meta: Pick<ColumnMeta, 'badges' | 'badge'>, value: unknown): { text: string; tone: Tone }[] =>
	value === null || value === undefined || value === ''
		? []
		: String(value)
				.split(/,\s*/)
				.map((v) => meta.badges?.[v] ?? meta.badge?.(v) ?? { text: v.charAt(0).toUpperCase() + v.slice(1), tone: 'neutral' as Tone });

const pct = (v: string | number | null | undefined) =>
	v === null || v === undefined || v === '' ? '?' : `${Number((Number(v) * 100).toFixed(1))}%`;

const points = (v: string | number | null | undefined) =>
	v === null || v === undefined || v === '' ? '?' : `${Number((Number(v) * 100).toFixed(1))} percentage points`;

/** The bands list's bands: '>= 97%', '95-97%', '90-95% at risk', 'persistent', 'severe' (cut-offs as chosen). */
const BAND_BADGES: Record<string, { text: string; tone: Tone }> = {
	persistent: { text: 'Persistent', tone: 'bad' },
	severe: { text: 'Severe', tone: 'bad' }
};
function bandBadge(value: string): { text: string; tone: Tone } {
	if (value.startsWith('>=')) return { text: `≥ ${value.slice(2).trim()}`, tone: 'good' };
	if (value.includes('at risk')) return { text: 'At risk', tone: 'warn' };
	return { text: value.replace('-', '–'), tone: 'neutral' };
}

const schoolUrn: ColumnMeta = { label: 'School', kind: 'text', hidden: true };
const sinceParam = 'Compare with (date)';
const WORKING_TOGETHER = '“Working together to improve school attendance”, DfE (August 2024)';
const REGULATIONS = 'School Attendance (Pupil Registration) (England) Regulations 2024';

export const LIST_META: Record<string, ListMeta> = {
	penalty: {
		title: 'Penalty-notice threshold',
		purpose: 'Pupils at or near the national threshold for considering a penalty notice, with when sessions drop out of the window.',
		rule: (p) => `${p.threshold_sessions} or more sessions of unauthorised absence (codes G, N, O, U) within a rolling ${p.window_weeks} school weeks. A school week is one with at least one possible session; the window may span holidays, terms and academic years, and ends with the week of the chosen date.`,
		source: `${WORKING_TOGETHER}; the national framework for penalty notices under the ${REGULATIONS}.`,
		columns: {
			unauthorised_sessions_in_window: { label: 'Unauthorised sessions', kind: 'count', help: 'G, N, O and U sessions in the window' },
			window_start: { label: 'Window from', kind: 'date', sameNote: true },
			window_end: { label: 'Window to', kind: 'date', sameNote: true },
			threshold_met_on: { label: 'Threshold met on', kind: 'date', dateTone: 'bad', help: 'first day of the current unbroken run at or over the threshold' },
			sessions_before_threshold: { label: 'Sessions to threshold', kind: 'count' },
			next_drop_date: { label: 'Next drop', kind: 'date', help: 'when the oldest counted sessions leave the window' },
			next_drop_sessions: { label: 'Sessions dropping', kind: 'count' },
			school_urn: schoolUrn
		},
		params: { threshold_sessions: 'Threshold (unauthorised sessions)', window_weeks: 'Window (school weeks)' },
		breakdown: (r) => [r.threshold_met_on ? { text: 'Threshold met', tone: 'bad' } : { text: 'Below the threshold', tone: 'neutral' }]
	},
	stages: {
		title: 'Staged approach (19-day model)',
		purpose: 'Pupils who reached a new stage of the school’s staged approach, for letters and meetings.',
		rule: () => 'Absent days this academic year = (authorised + unauthorised sessions) ÷ 2. Stages at 4, 7, 10, 13 and 16 days; 10–18 days is “at risk”; 19 days or more is persistent for the rest of the year (days only accumulate). A stage is crossed on the day the running total first reaches it. With a compare-with date, only pupils who moved up a stage since then are listed.',
		source: 'School attendance policies’ staged approach (the “19-day” model); DfE persistent absence is 10% or more of possible sessions.',
		columns: {
			absent_days: { label: 'Absent days', kind: 'days' },
			absent_sessions: { label: 'Absent sessions', kind: 'count' },
			stage_days: { label: 'Stage (days)', kind: 'count', hidden: true },
			stage_name: {
				label: 'Stage', kind: 'badge', sortBy: 'stage_days',
				badges: {
					'Stage 1': { text: 'Stage 1 · 4 days', tone: 'info' }, 'Stage 2': { text: 'Stage 2 · 7 days', tone: 'info' },
					'Stage 3': { text: 'Stage 3 · 10 days', tone: 'warn' }, 'Stage 4': { text: 'Stage 4 · 13 days', tone: 'warn' },
					'Stage 5': { text: 'Stage 5 · 16 days', tone: 'warn' }, Persistent: { text: 'Persistent · 19 days', tone: 'bad' }
				}
			},
			crossed_on: { label: 'Stage reached on', kind: 'date' },
			stage_days_on_since: { label: 'Stage on compare date (days)', kind: 'count', hideWhenEmpty: true },
			band: { label: 'Band', kind: 'badge', sortBy: 'absent_sessions', badges: { 'at risk': { text: 'At risk', tone: 'warn' }, persistent: { text: 'Persistent', tone: 'bad' } } },
			school_urn: schoolUrn
		},
		params: { since: sinceParam },
		breakdown: (r) => badgeOf(LIST_META.stages.columns.stage_name, r.stage_name)
	},
	continuous: {
		title: 'Continuous absence and illness',
		purpose: 'Pupils missing for many school days in a row (a child-missing-education referral) and pupils with long illness (tell the local authority).',
		rule: (p) => `Missing: the current run of ${p.missing_days} or more consecutive school days on which every possible session is unauthorised (G, N or O; U means the pupil was seen), still running on the chosen date. At ${p.removal_days} days, the removal-from-roll and missing-education checks. Illness: ${p.illness_days} or more days of illness (I sessions ÷ 2) this academic year, consecutive or not.`,
		source: `${WORKING_TOGETHER}; “Children missing education”, DfE (2024); “Arranging education for children who cannot attend school because of health needs”, DfE (2023); ${REGULATIONS}, regulation 9.`,
		columns: {
			reason: {
				label: 'Reason', kind: 'badge',
				badges: { missing: { text: 'Missing (unauthorised)', tone: 'bad' }, illness: { text: 'Illness', tone: 'info' } }
			},
			start_date: { label: 'Since', kind: 'date', help: 'start of the run, or the first illness' },
			days_so_far: { label: 'Days so far', kind: 'days' },
			latest_date: { label: 'Latest', kind: 'date' },
			action: { label: 'Action', kind: 'text', wrap: true },
			school_urn: schoolUrn
		},
		params: { missing_days: 'Missing after (school days in a row)', illness_days: 'Illness days this year', removal_days: 'Removal checks after (days in a row)' },
		breakdown: (r) => badgeOf(LIST_META.continuous.columns.reason, r.reason)
	},
	'unresolved-n': {
		title: 'Unresolved N codes',
		purpose: 'Absences still coded N (no reason yet) after the school should have found out why: chase them and replace the N.',
		rule: (p) => `An N is overdue when more than ${p.days} school days have passed since its session (the reason should usually be found within 5), counting the school’s school days up to the chosen date. Ns of the current academic year only; one row per pupil, oldest first.`,
		source: `${WORKING_TOGETHER}; ${REGULATIONS}, code N.`,
		columns: {
			unresolved_sessions: { label: 'Overdue N sessions', kind: 'count' },
			oldest_date: { label: 'Oldest', kind: 'date' },
			oldest_age_school_days: { label: 'Oldest age (school days)', kind: 'count' },
			latest_date: { label: 'Latest', kind: 'date' },
			sessions: { label: 'Sessions', kind: 'sessions', wrap: true },
			school_urn: schoolUrn
		},
		params: { days: 'Overdue after (school days)' }
	},
	bands: {
		title: 'Attendance bands',
		purpose: 'Every pupil’s attendance this year in the school’s bands, with who moved band since the last half-term.',
		rule: (p) => `Attendance = (present + approved educational activity) ÷ possible sessions, 1 September to the chosen date, compared exactly with the cut-offs: top band at or above ${pct(p.band_high)}, expected ${pct(p.band_mid)}–${pct(p.band_high)}, at risk ${pct(p.band_low)}–${pct(p.band_mid)}, persistent at or below ${pct(p.band_low)} (90% or below is the DfE’s persistent absence), severe 50%+ absence. Movement compares with the band the day before this half-term began (or the compare-with date).`,
		source: 'School attendance policies; DfE persistent (10%+) and severe (50%+) absence.',
		columns: {
			attendance_rate: { label: 'Attendance', kind: 'rate' },
			band: { label: 'Band', kind: 'badge', sortBy: 'attendance_rate', badges: BAND_BADGES, badge: bandBadge },
			possible_sessions: { label: 'Possible sessions', kind: 'count', hidden: true },
			attended_sessions: { label: 'Attended sessions', kind: 'count', hidden: true },
			absent_sessions: { label: 'Absent sessions', kind: 'count' },
			previous_attendance_rate: { label: 'Before', kind: 'rate' },
			previous_band: { label: 'Band before', kind: 'badge', sortBy: 'previous_attendance_rate', badges: BAND_BADGES, badge: bandBadge },
			movement: {
				label: 'Movement', kind: 'badge',
				badges: {
					up: { text: '▲ Up', tone: 'good' }, down: { text: '▼ Down', tone: 'bad' }, same: { text: 'Same', tone: 'neutral' }, new: { text: 'New', tone: 'info' }
				}
			},
			compared_to: { label: 'Band before as of', kind: 'date', sameNote: true },
			school_urn: schoolUrn
		},
		params: { band_high: 'Top band from (%)', band_mid: 'Expected band from (%)', band_low: 'Persistent at or below (%)', since: sinceParam },
		breakdown: (r) => badgeOf(LIST_META.bands.columns.band, r.band)
	},
	daily: {
		title: 'First-day calls',
		purpose: 'Pupils absent on the day with no reason yet: the calls to make first thing, vulnerable pupils first.',
		rule: (p) => `A session coded N on the chosen date. Days absent in a row counts the school days up to that date on which every possible session was an absence; a home visit is due after more than ${p.home_visit_days} days in a row. Looked-after children, children in need, children with a protection plan and pupils with an EHC plan come first.`,
		source: `${WORKING_TOGETHER}: first-day calling and home visits.`,
		columns: {
			forename: { label: 'Forename', kind: 'text', hidden: true },
			surname: { label: 'Surname', kind: 'text', hidden: true },
			n_sessions: { label: 'N sessions', kind: 'text' },
			days_absent_in_row: { label: 'Days absent in a row', kind: 'count' },
			home_visit: { label: 'Home visit', kind: 'flag', flag: { text: 'Home visit due', tone: 'bad' } },
			// shown in the Needs column with the pupil's other flags
			cla: { label: 'Looked after', kind: 'flag', hidden: true },
			child_in_need: { label: 'Child in need', kind: 'flag', hidden: true },
			child_protection_plan: { label: 'Protection plan', kind: 'flag', hidden: true },
			ehcp: { label: 'EHC plan', kind: 'flag', hidden: true },
			school_urn: schoolUrn
		},
		params: { home_visit_days: 'Home visit after (days in a row)' },
		breakdown: (r) => [r.home_visit ? { text: 'Home visit due', tone: 'bad' } : { text: 'Call', tone: 'neutral' }]
	},
	termly: {
		title: 'Termly checks',
		purpose: 'The termly return: pupils with many days of unauthorised absence this term, and pupils with an EHC plan whose attendance fell.',
		rule: (p) => `Unauthorised: ${p.unauthorised_days} or more school days of unauthorised absence (G, N, O, U sessions ÷ 2) from the first day of the term to the chosen date. EHCP fall: a pupil with an EHC plan whose attendance this half-term is ${points(p.ehcp_drop)} or more below last half-term’s.`,
		source: `${WORKING_TOGETHER}: the return to the local authority.`,
		columns: {
			reason: {
				label: 'Reason', kind: 'badge',
				badges: { unauthorised: { text: 'Unauthorised this term', tone: 'bad' }, ehcp_drop: { text: 'EHCP attendance fall', tone: 'warn' } }
			},
			term_start: { label: 'Term from', kind: 'date', sameNote: true },
			unauthorised_days: { label: 'Unauthorised days', kind: 'days' },
			attendance_rate: { label: 'Attendance this half-term', kind: 'rate' },
			previous_attendance_rate: { label: 'Last half-term', kind: 'rate' },
			attendance_change: { label: 'Change', kind: 'points' },
			school_urn: schoolUrn
		},
		params: { unauthorised_days: 'Unauthorised days this term', ehcp_drop: 'EHCP fall of (percentage points)' },
		breakdown: (r) => badgeOf(LIST_META.termly.columns.reason, r.reason)
	},
	lateness: {
		title: 'Persistent lateness',
		purpose: 'Pupils who are often late, with late before registers closed (L) and after (U, an unauthorised absence) apart.',
		rule: (p) => `${p.min_late} or more late sessions (L or U) from ${p.since ? 'the date given' : 'the start of the academic year'} to the chosen date, with the minutes late where the register gave them.`,
		source: `${REGULATIONS}, codes L and U; school lateness policies.`,
		columns: {
			late_total: { label: 'Late sessions', kind: 'count' },
			late_sessions: { label: 'Before close (L)', kind: 'count' },
			late_after_close_sessions: { label: 'After close (U)', kind: 'count' },
			minutes_late: { label: 'Minutes late', kind: 'count' },
			sessions_with_minutes: { label: 'Sessions with minutes', kind: 'count', hidden: true },
			latest_late_date: { label: 'Latest', kind: 'date' },
			school_urn: schoolUrn
		},
		params: { since: 'From (date)', min_late: 'At least (late sessions)' }
	},
	'part-time': {
		title: 'Part-time timetables',
		purpose: 'Pupils on a part-time timetable this year: each must be temporary and reviewed.',
		rule: () => 'Any session coded C2 (leave of absence for a compulsory school age pupil on a part-time timetable) this academic year up to the chosen date, with the first and latest C2 and the pupil’s sessions so far. Latest C2 first.',
		source: `${REGULATIONS}, code C2 (from 19 August 2024); ${WORKING_TOGETHER}.`,
		columns: {
			c2_sessions: { label: 'C2 sessions', kind: 'count' },
			first_c2_date: { label: 'First C2', kind: 'date' },
			latest_c2_date: { label: 'Latest C2', kind: 'date' },
			possible_sessions: { label: 'Possible', kind: 'count' },
			attended_sessions: { label: 'Attended', kind: 'count' },
			other_absent_sessions: { label: 'Other absence', kind: 'count' },
			school_urn: schoolUrn
		},
		params: {}
	},
	recognition: {
		title: 'Recognition',
		purpose: 'Pupils to congratulate: high attendance this year, and the most improved since last half-term.',
		rule: (p) => `Attendance this academic year at or above ${pct(p.rate)}, compared exactly; and the ${p.top} most improved pupils of each school: attendance this half-term minus last half-term’s, above zero, ties sharing a rank.`,
		source: 'School attendance policies (recognition and rewards).',
		columns: {
			attendance_rate: { label: 'Attendance this year', kind: 'rate' },
			half_term_rate: { label: 'This half-term', kind: 'rate' },
			previous_half_term_rate: { label: 'Last half-term', kind: 'rate' },
			improvement: { label: 'Improvement', kind: 'points' },
			improved_rank: { label: 'Improved rank', kind: 'count', help: 'rank among the most improved of the school' },
			recognition: {
				label: 'Recognition', kind: 'badges',
				badges: { attendance: { text: 'Attendance', tone: 'good' }, 'most improved': { text: 'Most improved', tone: 'info' } }
			},
			school_urn: schoolUrn
		},
		params: { rate: 'Attendance at or above (%)', top: 'Most improved per school' },
		breakdown: (r) => badgeOf(LIST_META.recognition.columns.recognition, r.recognition)
	},
	recovery: {
		title: 'Recovery plans',
		purpose: 'Pupils below the first target this year: how many of the sessions left they must attend to finish the year at each target.',
		rule: (p) => `Pupils below ${pct(p.target_low)} attendance this year. Sessions left = 2 × the weekdays after the chosen date within the year’s term dates; needed = target × (possible + left) − attended, rounded up; possible while needed ≤ left. Targets ${pct(p.target_low)} and ${pct(p.target_high)}. Without term dates the outlook is unknown. 90% or below is DfE persistent absence.`,
		source: 'DfE persistent absence (10%+ of possible sessions); school attendance targets.',
		columns: {
			attendance_rate: { label: 'Attendance', kind: 'rate' },
			attended_sessions: { label: 'Attended sessions', kind: 'count', hidden: true },
			possible_sessions: { label: 'Possible sessions', kind: 'count', hidden: true },
			school_days_left: { label: 'School days left', kind: 'count' },
			sessions_left: { label: 'Sessions left', kind: 'count', hidden: true },
			sessions_needed_low: {
				label: (p) => `To reach ${pct(p.target_low)}`, kind: 'needed', outlook: 'outlook_low',
				help: 'sessions to attend, of the sessions left this year'
			},
			outlook_low: { label: (p) => `Outlook at ${pct(p.target_low)}`, kind: 'text', hidden: true },
			sessions_needed_high: {
				label: (p) => `To reach ${pct(p.target_high)}`, kind: 'needed', outlook: 'outlook_high',
				help: 'sessions to attend, of the sessions left this year'
			},
			outlook_high: { label: (p) => `Outlook at ${pct(p.target_high)}`, kind: 'text', hidden: true },
			school_urn: schoolUrn
		},
		params: { target_low: 'First target (%)', target_high: 'Second target (%)' },
		breakdown: (r) => [
			r.outlook_low === null || r.outlook_low === undefined
				? { text: 'Outlook not known', tone: 'neutral' }
				: r.sessions_needed_low === null
					? { text: 'First target out of reach', tone: 'bad' }
					: { text: 'First target in reach', tone: 'good' }
		]
	}
};

export function listMeta(name: string): ListMeta {
	return LIST_META[name] ?? { title: name, purpose: '', rule: () => '', source: '', columns: {}, params: {} };
}

export function columnLabel(meta: ColumnMeta | undefined, key: string, params: ParamValues): string {
	if (!meta) return key.replace(/_/g, ' ');
	return typeof meta.label === 'function' ? meta.label(params) : meta.label;
}
