import { beforeAll, describe, expect, it } from 'vitest';
import { importFile, ImportRejected } from '../../src/lib/server/ingest';
import type { SessionUser } from '../../src/lib/server/auth/roles';
import { Warehouse } from '../../src/lib/server/warehouse';
import { callArrow, statusOf } from '../helpers/api';
import { upn } from '../helpers/upn';
import { freshWarehouse, rows, tempFile } from '../helpers/warehouse';

// A hand-built trust: school S1 with Ada (A) and Ben (B), school S2 with Cleo (C). Every weekday from
// Mon 2 Sep to Fri 25 Oct 2024 is marked (AM and PM) by markOf below, so the latest marked day ("today"
// of the log) is Fri 25 Oct 2024. The expected figures are worked out here from the same marks.
const S1 = 100001;
const S2 = 100002;
const A = upn('873400136001');
const B = upn('873400136002');
const C = upn('873400136003');
const AS_OF = '2024-10-25';

const CATEGORY: Record<string, 'present' | 'aea' | 'authorised' | 'unauthorised' | 'not_possible'> = {
	'/': 'present', '\\': 'present', L: 'present', B: 'aea', I: 'authorised', O: 'unauthorised', X: 'not_possible'
};

function weekdays(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
		if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) out.push(d.toISOString().slice(0, 10));
	return out;
}
const DAYS = weekdays('2024-09-02', AS_OF);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Each pupil's mark for a session: a fixed pattern with absences of both kinds, an AEA and a not-possible day. */
function markOf(pupil: string, date: string, session: 'AM' | 'PM'): string {
	const present = session === 'AM' ? '/' : '\\';
	if (date === '2024-09-20') return 'X'; // an INSET-like day: not possible
	if (pupil === A) {
		if (date < '2024-10-07') return weekday(date) === 1 ? (session === 'AM' ? 'O' : 'I') : weekday(date) === 3 && session === 'PM' ? 'B' : present;
		return weekday(date) === 5 && session === 'PM' ? 'O' : present; // from 7 Oct: absent each Friday afternoon
	}
	if (pupil === B) return weekday(date) === 2 || (weekday(date) === 4 && session === 'AM') ? 'O' : present;
	return weekday(date) === 5 ? 'I' : present;
}

/** Attendance of a pupil over [from, to] from markOf: attended and possible sessions. */
function attendance(pupil: string, from: string, to: string) {
	let possible = 0;
	let absent = 0;
	for (const date of DAYS)
		if (date >= from && date <= to)
			for (const session of ['AM', 'PM'] as const) {
				const category = CATEGORY[markOf(pupil, date, session)];
				if (category === 'not_possible') continue;
				possible++;
				if (category === 'authorised' || category === 'unauthorised') absent++;
			}
	return { possible, absent, rate: possible ? 1 - absent / possible : null };
}
const minusDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

const register = (pupils: string[]) =>
	['UPN,Date,Session,Mark', ...pupils.flatMap((p) => DAYS.flatMap((d) => (['AM', 'PM'] as const).map((s) => `${p},${d},${s},${markOf(p, d, s)}`)))].join('\n') + '\n';

const INTERVENTIONS =
	'URN,UPN,Type,StartDate,EndDate,ReviewDate,Target,Notes,Staff\n' +
	`${S1},${A},Attendance contract,2024-10-07,,2024-10-21,9 of 10 sessions a week,"Contract agreed, mornings",J Patel\n` +
	`${S1},${B},Letter 1,16/09/2024,2024-09-30,2024-09-20,95% attendance,First letter,J Patel\n` +
	`${S1},${B},Mentoring,2024-10-01,,2024-11-01,Be on time every day,Weekly mentor,K Obi\n` +
	`${S2},${C},letter 2,2024-10-14,,2024-10-18,90%,Second letter,M Lee\n`;

const officer = (schools: number[] | null, name = 'Olive Officer'): SessionUser => ({ id: 1, name, role: 'officer', schools, pupilAccess: true });
const governor: SessionUser = { id: 2, name: 'Gina Governor', role: 'governor', schools: [S1], pupilAccess: false };

let warehouse: Warehouse;
let GET: typeof import('../../src/routes/api/interventions/[dataset]/+server').GET;
let actions: typeof import('../../src/routes/pupils/[upn]/+page.server').actions;

const log = async (query = 'year=2024/25') => (await callArrow(GET, `/api/interventions/log?${query}`, { dataset: 'log' })).rows;

/** Calls a form action of the pupil page as SvelteKit would, with `user` signed in. */
async function act(name: 'record' | 'change', pupil: string, user: SessionUser | null, values: Record<string, string>) {
	const body = new FormData();
	for (const [k, v] of Object.entries(values)) body.set(k, v);
	const url = new URL(`http://localhost/pupils/${pupil}?/${name}`);
	const event = { request: new Request(url, { method: 'POST', body }), params: { upn: pupil }, locals: { user }, url };
	try {
		const result = (await actions[name](event as never)) as { status?: number; data?: Record<string, unknown> } & Record<string, unknown>;
		return { status: result?.status ?? 200, data: (result?.data ?? result) as Record<string, unknown> };
	} catch (e) {
		return { status: (e as { status?: number }).status ?? 500, data: { message: (e as { body?: { message?: string } }).body?.message } };
	}
}

beforeAll(async () => {
	warehouse = await freshWarehouse();
	process.env.ATTENDANCE_DB = warehouse.path;
	await importFile(
		warehouse,
		tempFile('pupils.csv', `UPN,Forename,Surname,DateOfBirth,YearGroup\n${A},Ada,Lovelace,2012-10-01,7\n${B},Ben,Stone,2012-05-05,8\n`),
		{ school: S1 }
	);
	await importFile(warehouse, tempFile('pupils2.csv', `UPN,Forename,Surname,DateOfBirth,YearGroup\n${C},Cleo,Marsh,2013-01-11,7\n`), { school: S2 });
	await importFile(warehouse, tempFile('register1.csv', register([A, B])), { school: S1 });
	await importFile(warehouse, tempFile('register2.csv', register([C])), { school: S2 });
	await importFile(warehouse, tempFile('interventions.csv', INTERVENTIONS));
	({ GET } = await import('../../src/routes/api/interventions/[dataset]/+server'));
	({ actions } = await import('../../src/routes/pupils/[upn]/+page.server'));
});

describe('importing the intervention log', () => {
	it('keeps every column, maps a type onto the list ignoring case and adds a new type as written', async () => {
		const held = await rows(
			warehouse,
			`SELECT p.upn, i.school_urn, i.type, i.start_date, i.end_date, i.review_date, i.target, i.notes, i.staff, i.import_id IS NOT NULL AS imported, i.recorded_by
			FROM interventions i JOIN pupils p USING (pupil_id) ORDER BY i.start_date`
		);
		expect(held).toEqual([
			{ upn: B, school_urn: S1, type: 'Letter 1', start_date: '2024-09-16', end_date: '2024-09-30', review_date: '2024-09-20', target: '95% attendance', notes: 'First letter', staff: 'J Patel', imported: true, recorded_by: null },
			{ upn: B, school_urn: S1, type: 'Mentoring', start_date: '2024-10-01', end_date: null, review_date: '2024-11-01', target: 'Be on time every day', notes: 'Weekly mentor', staff: 'K Obi', imported: true, recorded_by: null },
			{ upn: A, school_urn: S1, type: 'Attendance contract', start_date: '2024-10-07', end_date: null, review_date: '2024-10-21', target: '9 of 10 sessions a week', notes: 'Contract agreed, mornings', staff: 'J Patel', imported: true, recorded_by: null },
			{ upn: C, school_urn: S2, type: 'Letter 2', start_date: '2024-10-14', end_date: null, review_date: '2024-10-18', target: '90%', notes: 'Second letter', staff: 'M Lee', imported: true, recorded_by: null }
		]);
		const types = await rows(warehouse, 'SELECT name, added_by FROM intervention_types ORDER BY position');
		expect(types.map((t) => t.name)).toEqual([
			'Letter 1', 'Letter 2', 'Letter 3', 'Attendance meeting', 'Attendance contract', 'Parenting contract', 'Family support / early help',
			'Notice to improve', 'Penalty notice', 'Education supervision order', 'Referral', 'Mentoring'
		]);
		expect(types.at(-1)?.added_by).toMatch(/^import #\d+$/);
	});

	it('rejects unreadable dates, and review or end dates before the start, naming file, line and reason; nothing changes', async () => {
		const before = await rows(warehouse, 'SELECT (SELECT count(*) FROM interventions) AS n, (SELECT count(*) FROM intervention_types) AS t');
		const file = tempFile(
			'bad-interventions.csv',
			'UPN,Type,StartDate,ReviewDate,EndDate\n' +
				`${A},Brand new type,2024-02-30,,\n` +
				`${A},Letter 3,2024-10-10,2024-10-01,\n` +
				`${B},Letter 3,2024-10-10,,09/10/2024\n` +
				`${B},Letter 3,2024-10-10,next week,\n`
		);
		const error = await importFile(warehouse, file).then(
			() => null,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(ImportRejected);
		const problems = (error as ImportRejected).problems.map((p) => `${p.line}: ${p.reason}`);
		expect(problems).toEqual([
			"2: start date '2024-02-30' is not a date",
			'3: review date 2024-10-01 is before start date 2024-10-10',
			'4: end date 09/10/2024 is before start date 2024-10-10',
			"5: review date 'next week' is not a date"
		]);
		expect((error as Error).message).toContain('bad-interventions.csv');
		expect(await rows(warehouse, 'SELECT (SELECT count(*) FROM interventions) AS n, (SELECT count(*) FROM intervention_types) AS t')).toEqual(before);
	});
});

describe('the log', () => {
	it('counts overdue reviews as of the latest marked day, for the trust and for one school', async () => {
		const all = await log();
		expect(new Set(all.map((r) => r.as_of))).toEqual(new Set([AS_OF]));
		// open with a review date before 25 Oct: Ada's contract (21 Oct) and Cleo's letter (18 Oct); Ben's letter ended on 30 Sep
		const overdue = all.filter((r) => r.review_overdue).map((r) => `${r.upn} ${r.type}`);
		expect(overdue.sort()).toEqual([`${A} Attendance contract`, `${C} Letter 2`].sort());
		expect(all.find((r) => r.type === 'Letter 2')?.days_overdue).toBe(7);
		expect((await log('year=2024/25&school=100001')).filter((r) => r.review_overdue).map((r) => r.upn)).toEqual([A]);
		expect((await log('year=2024/25&status=overdue')).length).toBe(2);
		expect((await log('year=2024/25&status=ended')).map((r) => r.type)).toEqual(['Letter 1']);
		expect((await log('year=2024/25&status=open')).length).toBe(3);
		expect((await log('year=2024/25&type=Mentoring')).map((r) => r.upn)).toEqual([B]);
		expect((await log('year=2024/25&yg=Year 8')).map((r) => r.upn)).toEqual([B, B]);
		// a period that ends before an intervention started leaves it out
		expect((await log('from=2024-09-02&to=2024-09-30')).map((r) => r.type)).toEqual(['Letter 1']);
	});

	it('works out progress against the target since the start, and attendance in the weeks before', async () => {
		const all = await log('year=2024/25&weeks=3');
		const expectRow = (who: string, type: string, start: string, targetRate: number | null) => {
			const row = all.find((r) => r.upn === who && r.type === type)!;
			const since = attendance(who, start, AS_OF);
			const before = attendance(who, minusDays(start, 21), minusDays(start, 1));
			expect(row.since_possible).toBe(since.possible);
			expect(row.since_absent).toBe(since.absent);
			expect(row.since_attendance as number).toBeCloseTo(since.rate!, 12);
			expect(row.before_possible).toBe(before.possible);
			expect(row.before_attendance as number).toBeCloseTo(before.rate!, 12);
			expect(row.target_rate).toBe(targetRate);
			if (targetRate === null) {
				expect(row.progress).toBeNull();
				expect(row.target_met).toBeNull();
			} else {
				expect(row.progress as number).toBeCloseTo(since.rate! - targetRate, 12);
				expect(row.target_met).toBe((since.possible - since.absent) / since.possible >= targetRate - 1e-12);
			}
			return { row, since, before };
		};
		// Ada: absent every Friday afternoon since 7 Oct: 27 of 30 sessions, exactly the 9 in 10 of the target
		const ada = expectRow(A, 'Attendance contract', '2024-10-07', 0.9);
		expect(ada.since).toEqual({ possible: 30, absent: 3, rate: 0.9 });
		expect(ada.row.target_met).toBe(true);
		expect(ada.before.rate).toBeLessThan(0.9);
		expectRow(B, 'Letter 1', '2024-09-16', 0.95);
		expect(all.find((r) => r.type === 'Letter 1')?.target_met).toBe(false);
		expectRow(B, 'Mentoring', '2024-10-01', null); // a target that is not a rate: text, no progress
		expectRow(C, 'Letter 2', '2024-10-14', 0.9);
	});

	it('refuses malformed parameters', async () => {
		expect(await statusOf(GET, '/api/interventions/log?status=late', { dataset: 'log' })).toBe(400);
		expect(await statusOf(GET, '/api/interventions/log?weeks=0', { dataset: 'log' })).toBe(400);
		expect(await statusOf(GET, '/api/interventions/nothing', { dataset: 'nothing' })).toBe(404);
	});
});

describe('recording on the pupil page', () => {
	it('records an intervention as the signed-in officer, distinguishable from imported ones', async () => {
		const result = await act('record', A, officer([S1]), {
			type: 'Attendance meeting', start: '2024-10-22', review: '2024-11-05', target: '19 of 20 sessions', notes: 'Met with mum'
		});
		expect(result.status).toBe(200);
		expect(result.data.message).toBe('Recorded: Attendance meeting from 2024-10-22.');
		const [row] = await rows(
			warehouse,
			`SELECT school_urn, type, start_date, end_date, review_date, target, notes, staff, import_id, recorded_by, recorded_at IS NOT NULL AS stamped
			FROM interventions WHERE intervention_id = ${result.data.id}`
		);
		expect(row).toEqual({
			school_urn: S1, type: 'Attendance meeting', start_date: '2024-10-22', end_date: null, review_date: '2024-11-05', target: '19 of 20 sessions',
			notes: 'Met with mum', staff: 'Olive Officer', import_id: null, recorded_by: 'Olive Officer', stamped: true
		});
		const shown = (await log()).find((r) => r.intervention_id === result.data.id)!;
		const since = attendance(A, '2024-10-22', AS_OF);
		expect(shown.since_attendance as number).toBeCloseTo(since.rate!, 12);
		expect(shown.target_rate).toBe(0.95);
		expect(shown.recorded_by).toBe('Olive Officer');
	});

	it('refuses a governor, an officer of another school and nobody signed in (403)', async () => {
		const values = { type: 'Letter 1', start: '2024-10-22' };
		const before = await rows(warehouse, 'SELECT count(*) AS n FROM interventions');
		expect((await act('record', A, governor, values)).status).toBe(403);
		expect((await act('record', A, officer([S2]), values)).status).toBe(403);
		expect((await act('record', A, null, values)).status).toBe(403);
		// the officer of school 2 may record for Cleo
		expect((await act('record', C, officer([S2]), values)).status).toBe(200);
		expect(await rows(warehouse, 'SELECT count(*) AS n FROM interventions')).toEqual([{ n: (before[0].n as number) + 1 }]);
	});

	it('explains what is wrong with a form and records nothing', async () => {
		const before = await rows(warehouse, 'SELECT count(*) AS n FROM interventions');
		const cases: [Record<string, string>, string, RegExp][] = [
			[{ type: '', start: '2024-10-22' }, 'type', /Choose the type/],
			[{ type: 'Detention', start: '2024-10-22' }, 'type', /not on the list/],
			[{ type: 'Letter 1', start: '' }, 'start', /Enter the start date/],
			[{ type: 'Letter 1', start: '2024-02-30' }, 'start', /'2024-02-30' is not a date/],
			[{ type: 'Letter 1', start: '2024-10-22', end: '2024-10-01' }, 'end', /end date 2024-10-01 is before the start date 2024-10-22/],
			[{ type: 'Letter 1', start: '2024-10-22', review: '2024-10-21' }, 'review', /review date 2024-10-21 is before/],
			[{ type: 'Letter 1', start: '2024-10-22', school: String(S2) }, 'school', /not been on roll at that school/]
		];
		for (const [values, field, message] of cases) {
			const result = await act('record', A, officer([S1]), values);
			expect(result.status, JSON.stringify(values)).toBe(400);
			expect(result.data.field).toBe(field);
			expect(result.data.message).toMatch(message);
		}
		expect(await rows(warehouse, 'SELECT count(*) AS n FROM interventions')).toEqual(before);
	});
});

describe('history', () => {
	it('keeps the row as it was when an end date or a new review date is set on the page', async () => {
		const [contract] = await rows(warehouse, `SELECT intervention_id FROM interventions WHERE type = 'Attendance contract'`);
		const id = String(contract.intervention_id);
		expect((await act('change', A, governor, { id, review: '2024-11-15' })).status).toBe(403);
		expect((await act('change', A, officer([S2]), { id, review: '2024-11-15' })).status).toBe(403);
		expect((await act('change', C, officer([S1]), { id, review: '2024-11-15' })).status).toBe(404); // not Cleo's
		expect((await act('change', A, officer([S1]), { id, review: '2024-10-01' })).data.message).toMatch(/before the start date/);
		const changed = await act('change', A, officer([S1], 'Sam Senior'), { id, review: '2024-11-15' });
		expect(changed.status).toBe(200);
		const history = await rows(
			warehouse,
			`SELECT change, changed_by, import_id, previous_review_date, previous_end_date, previous_target FROM intervention_history WHERE intervention_id = ${id}`
		);
		expect(history).toEqual([
			{ change: 'review date set', changed_by: 'Sam Senior', import_id: null, previous_review_date: '2024-10-21', previous_end_date: null, previous_target: '9 of 10 sessions a week' }
		]);
		// no longer overdue: the review is now after the latest marked day
		expect((await log()).find((r) => r.intervention_id === contract.intervention_id)?.review_overdue).toBe(false);
		await act('change', A, officer([S1]), { id, end: '2024-10-24' });
		const ended = (await log()).find((r) => r.intervention_id === contract.intervention_id)!;
		expect(ended.status).toBe('ended');
		expect(ended.end_date).toBe('2024-10-24');
		expect(await rows(warehouse, `SELECT count(*) AS n FROM intervention_history WHERE intervention_id = ${id}`)).toEqual([{ n: 2 }]);
	});

	it('keeps the row as it was when a later file amends it', async () => {
		const result = await importFile(
			warehouse,
			tempFile('interventions-later.csv', `URN,UPN,Type,StartDate,ReviewDate,Target,Notes,Staff\n${S2},${C},Letter 2,2024-10-14,2024-11-01,90%,Second letter; reply received,M Lee\n`)
		);
		expect(result.amended).toBe(1);
		const [h] = await rows(
			warehouse,
			`SELECT h.change, h.import_id, h.previous_review_date, h.previous_notes, i.review_date, i.notes
			FROM intervention_history h JOIN interventions i USING (intervention_id) WHERE h.change = 'amended by import'`
		);
		expect(h).toEqual({
			change: 'amended by import', import_id: result.importId, previous_review_date: '2024-10-18', previous_notes: 'Second letter',
			review_date: '2024-11-01', notes: 'Second letter; reply received'
		});
	});
});
