// The demo trust's calendar: three academic years of LA term dates, bank holidays, and the school
// days that follow from them. Dates are handled as UTC day numbers (days since 1970-01-01).

export interface HalfTerm {
	academicYear: string; // '2023/24'
	term: 'Autumn' | 'Spring' | 'Summer';
	halfTerm: string; // 'Autumn 1'
	start: string; // ISO
	end: string; // ISO
}

export interface SchoolDay {
	day: number; // UTC day number
	iso: string;
	dow: number; // 1 = Monday … 5 = Friday
	month: number; // 1 … 12
	halfTerm: number; // 0 … 5 within the academic year
}

export interface AcademicYear {
	startYear: number; // 2023 for 2023/24
	label: string; // '2023/24'
	fileLabel: string; // '2023-24'
	halfTerms: HalfTerm[];
	days: SchoolDay[]; // every weekday inside a half-term that is not a bank holiday
}

/** Start and end of the six half-terms of each year (Mon–Fri dates, realistic for an English LA). */
const TERM_DATES: Record<number, [string, string][]> = {
	2023: [
		['2023-09-04', '2023-10-27'],
		['2023-11-06', '2023-12-22'],
		['2024-01-04', '2024-02-09'],
		['2024-02-19', '2024-03-28'],
		['2024-04-15', '2024-05-24'],
		['2024-06-03', '2024-07-19']
	],
	2024: [
		['2024-09-03', '2024-10-25'],
		['2024-11-04', '2024-12-20'],
		['2025-01-06', '2025-02-14'],
		['2025-02-24', '2025-04-04'],
		['2025-04-22', '2025-05-23'],
		['2025-06-02', '2025-07-23']
	],
	2025: [
		['2025-09-03', '2025-10-24'],
		['2025-11-03', '2025-12-19'],
		['2026-01-05', '2026-02-13'],
		['2026-02-23', '2026-03-27'],
		['2026-04-13', '2026-05-22'],
		['2026-06-01', '2026-07-22']
	]
};

/** Bank holidays in England from 2023 to 2026 (most fall in holidays; the May Day ones do not). */
const BANK_HOLIDAYS = [
	'2023-08-28', '2023-12-25', '2023-12-26',
	'2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
	'2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
	'2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25'
];

const MS_PER_DAY = 86_400_000;

export const ACADEMIC_YEARS = [2023, 2024, 2025];

/** The day the 2024 attendance regulations (new codes) came into force. */
export const CODE_CHANGE_DAY = dayNumber('2024-08-19');

const TERMS = ['Autumn', 'Spring', 'Summer'] as const;

export function dayNumber(iso: string): number {
	return Math.round(Date.parse(iso + 'T00:00:00Z') / MS_PER_DAY);
}

export function isoDate(day: number): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
	return (day + 4) % 7;
}

export function addDays(iso: string, n: number): string {
	return isoDate(dayNumber(iso) + n);
}

/** First weekday on or after 3 September: the usual first day of an autumn term. */
export function firstDayOfAutumn(startYear: number): string {
	let day = dayNumber(`${startYear}-09-03`);
	while (weekday(day) === 0 || weekday(day) === 6) day++;
	return isoDate(day);
}

/** Last Friday in June: the statutory school leaving date for Year 11. */
export function lastFridayOfJune(endYear: number): string {
	let day = dayNumber(`${endYear}-06-30`);
	while (weekday(day) !== 5) day--;
	return isoDate(day);
}

export function buildAcademicYear(startYear: number): AcademicYear {
	const label = `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
	const fileLabel = label.replace('/', '-');
	const bankHolidays = new Set(BANK_HOLIDAYS.map(dayNumber));
	const halfTerms: HalfTerm[] = [];
	const days: SchoolDay[] = [];
	TERM_DATES[startYear].forEach(([start, end], i) => {
		const term = TERMS[Math.floor(i / 2)];
		halfTerms.push({ academicYear: label, term, halfTerm: `${term} ${(i % 2) + 1}`, start, end });
		for (let day = dayNumber(start); day <= dayNumber(end); day++) {
			const dow = weekday(day);
			if (dow === 0 || dow === 6 || bankHolidays.has(day)) continue;
			const iso = isoDate(day);
			days.push({ day, iso, dow, month: Number(iso.slice(5, 7)), halfTerm: i });
		}
	});
	return { startYear, label, fileLabel, halfTerms, days };
}

export function buildCalendar(): AcademicYear[] {
	return ACADEMIC_YEARS.map(buildAcademicYear);
}
