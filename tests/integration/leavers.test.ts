import { beforeAll, describe, expect, it } from 'vitest';
import { importFile, ImportRejected } from '../../src/lib/server/ingest';
import { LISTS, runList } from '../../src/lib/server/lists';
import { runReport } from '../../src/lib/server/reports';
import type { Warehouse } from '../../src/lib/server/warehouse';
import type { ListName } from '../../src/lib/catalog/lists';
import { upn } from '../helpers/upn';
import { freshWarehouse, tempFile } from '../helpers/warehouse';

// Leavers (issue 16): a pupil on roll at a school on D (sql/rules/on_roll.sql) is worked on D's lists, counted in
// the log as open, and a leaver is not; the year's measures still count the leaver's sessions while on roll.
// School 100001, every weekday Mon 1 Sep – Fri 31 Oct 2025 marked (no URN column: --school, the only school).
//   STAY: present every session, to 31 Oct.
//   LEFT: absent O O every day Mon 1 Sep – Mon 6 Oct, N N on Mon 15 Sep and on Tue 7 Oct; no mark after Tue 7 Oct;
//         the pupils file gives the leaving date 7 Oct 2025 (the last day on roll).
//   GONE: absent O O every day Mon 1 Sep – Fri 10 Oct, no mark after, no leaving date: off roll once the school
//         marks a later day without them (Mon 13 Oct).
const STAY = upn('873400160001');
const LEFT = upn('873400160002');
const GONE = upn('873400160003');
const SCHOOL = 100001;

function weekdays(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
		if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) out.push(d.toISOString().slice(0, 10));
	return out;
}
const DAYS = weekdays('2025-09-01', '2025-10-31');
const rows: string[] = [];
for (const d of DAYS) {
	rows.push(`${STAY},${d},AM,/`, `${STAY},${d},PM,\\`);
	if (d <= '2025-10-07') {
		const m = d === '2025-09-15' || d === '2025-10-07' ? 'N' : 'O';
		rows.push(`${LEFT},${d},AM,${m}`, `${LEFT},${d},PM,${m}`);
	}
	if (d <= '2025-10-10') rows.push(`${GONE},${d},AM,O`, `${GONE},${d},PM,O`);
}
const REGISTER = `UPN,Date,Session,Mark\n${rows.join('\n')}\n`;
const LEFT_SESSIONS = DAYS.filter((d) => d <= '2025-10-07').length * 2; // 27 days, 54 sessions
const GONE_SESSIONS = DAYS.filter((d) => d <= '2025-10-10').length * 2; // 30 days, 60 sessions
const STAY_SESSIONS = DAYS.length * 2; // 45 days, 90 sessions

const PUPILS_WITH_URN = `URN,UPN,Surname,Forename,YearGroup,LeavingDate\n${SCHOOL},${STAY},Stay,Sam,9,\n${SCHOOL},${LEFT},Left,Lee,9,07/10/2025\n`;
const PUPILS_NO_URN = `UPN,Surname,Forename,YearGroup,AdmissionDate,LeavingDate\n${STAY},Stay,Sam,9,2025-09-01,\n${LEFT},Left,Lee,9,2025-09-01,2025-10-07\n`;
const INTERVENTIONS =
	'UPN,Type,StartDate,EndDate,ReviewDate,Target\n' +
	`${LEFT},Letter 1,2025-09-15,,2025-09-29,95%\n` +
	`${STAY},Attendance meeting,2025-09-15,,2025-10-01,95%\n`;

const LIST_NAMES = Object.keys(LISTS) as ListName[];
const upnsOf = async (w: Warehouse, name: ListName, on: string) => (await runList(w, name, { on })).rows.map((r) => r.upn);

async function build(pupils: string, options: { school?: number }): Promise<Warehouse> {
	const w = await freshWarehouse();
	await importFile(w, tempFile('register.csv', REGISTER), { school: SCHOOL });
	await importFile(w, tempFile('pupils.csv', pupils), options);
	await importFile(w, tempFile('interventions.csv', INTERVENTIONS), { school: SCHOOL });
	return w;
}

const log = (w: Warehouse, to: string) =>
	w.read('datasets/interventions/log', {
		from: '2025-09-01', to, school: null, year_group: null, cohort_dimension: null, cohort_value: null,
		type: null, status: null, weeks: 6, upn: null, schools: null
	});

describe.each([
	['a pupils file with a URN column', PUPILS_WITH_URN, {}],
	['a pupils file without a URN column, for the only school', PUPILS_NO_URN, {}],
	['a pupils file without a URN column, with --school', PUPILS_NO_URN, { school: SCHOOL }]
])('leavers, from %s', (_title, pupils, options) => {
	let w: Warehouse;
	beforeAll(async () => {
		w = await build(pupils, options);
	});

	it('records the leaving date for the school', async () => {
		const rows = await w.read('datasets/pupil/profile', { upn: LEFT, year_start: '2025-09-01', schools: null });
		expect(rows).toEqual([expect.objectContaining({ school_urn: SCHOOL, end_date: '2025-10-07', left_on: '2025-10-07' })]);
	});

	it('lists a leaver up to the leaving date and on no list after it', async () => {
		// on roll on 7 Oct (the leaving date is the last day on roll): on every list their marks qualify them for
		const before = Object.fromEntries(await Promise.all(LIST_NAMES.map(async (n) => [n, await upnsOf(w, n, '2025-10-07')] as const)));
		for (const n of ['bands', 'stages', 'penalty', 'continuous', 'recovery', 'daily', 'unresolved-n'] as ListName[])
			expect(before[n], n).toContain(LEFT);
		for (const on of ['2025-10-08', '2025-10-31'])
			for (const n of LIST_NAMES) {
				const upns = await upnsOf(w, n, on);
				expect(upns, `${n} on ${on}`).not.toContain(LEFT);
			}
		// the pupil still on roll stays where their marks put them
		expect(await upnsOf(w, 'bands', '2025-10-31')).toContain(STAY);
	});

	it('takes a pupil with no leaving date off roll once the school marks a day without them', async () => {
		for (const n of ['bands', 'stages', 'penalty', 'continuous', 'recovery'] as ListName[]) {
			expect(await upnsOf(w, n, '2025-10-10'), n).toContain(GONE);
			expect(await upnsOf(w, n, '2025-10-13'), n).not.toContain(GONE);
		}
		const gone = await w.read('datasets/pupil/profile', { upn: GONE, year_start: '2025-09-01', schools: null });
		expect(gone[0]).toMatchObject({ end_date: '2025-10-10', left_on: '2025-10-10' });
		const stay = await w.read('datasets/pupil/profile', { upn: STAY, year_start: '2025-09-01', schools: null });
		expect(stay[0]).toMatchObject({ end_date: '2025-10-31', left_on: null });
	});

	it('ends a leaver’s open intervention on the day they left, never overdue after', async () => {
		const after = Object.fromEntries((await log(w, '2025-10-31')).map((r) => [r.upn, r]));
		expect(after[LEFT]).toMatchObject({ status: 'ended', end_date: '2025-10-07', review_overdue: false, days_overdue: null });
		expect(after[STAY]).toMatchObject({ status: 'open', review_overdue: true, days_overdue: 30 });
		// before they left the same intervention was open with its review overdue
		const before = Object.fromEntries((await log(w, '2025-10-07')).map((r) => [r.upn, r]));
		expect(before[LEFT]).toMatchObject({ status: 'open', end_date: null, review_overdue: true, days_overdue: 8 });
		// a period that begins after they left does not hold it
		const later = await w.read('datasets/interventions/log', {
			from: '2025-10-20', to: '2025-10-31', school: null, year_group: null, cohort_dimension: null, cohort_value: null,
			type: null, status: null, weeks: 6, upn: null, schools: null
		});
		expect(later.map((r) => r.upn)).toEqual([STAY]);
	});

	it('still counts the leavers’ sessions in the year’s summary (the DfE counts them while on roll)', async () => {
		const { rows } = await runReport(w, 'summary', { from: '2025-09-01', to: '2025-10-31' });
		expect(rows[0]).toMatchObject({
			pupils: 3,
			possible_sessions: STAY_SESSIONS + LEFT_SESSIONS + GONE_SESSIONS,
			unauthorised_sessions: LEFT_SESSIONS + GONE_SESSIONS,
			severe_pupils: 2
		});
	});
});

describe('a pupils file without a URN column in a warehouse of two schools', () => {
	it('asks which school its dates are for (as a register does); characteristics alone need none', async () => {
		const w = await freshWarehouse();
		await importFile(w, tempFile('register.csv', REGISTER), { school: SCHOOL });
		await importFile(w, tempFile('other.csv', `UPN,Date,Session,Mark\n${upn('873400160009')},2025-09-01,AM,/\n`), { school: 100002 });
		const error = await importFile(w, tempFile('pupils.csv', PUPILS_NO_URN), {}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ImportRejected);
		expect((error as ImportRejected).message).toContain('does not say which school');
		await importFile(w, tempFile('names.csv', `UPN,Surname,Forename\n${LEFT},Left,Lee\n`), {});
		const rows = await w.read('datasets/pupil/profile', { upn: LEFT, year_start: '2025-09-01', schools: null });
		expect(rows[0]).toMatchObject({ surname: 'Left', end_date: '2025-10-07', left_on: '2025-10-07' });
	});
});
