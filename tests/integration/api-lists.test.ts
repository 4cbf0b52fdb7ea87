import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { LISTS, runList } from '../../src/lib/server/lists';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { callArrow, statusOf } from '../helpers/api';
import { upn } from '../helpers/upn';
import { freshWarehouse, tempFile } from '../helpers/warehouse';

// The list pages' endpoints on a hand-built register of school 100001. School days: Mon 15 – Fri 19 Jul 2024
// (the last week of 2023/24), then Mon 2 – Fri 27 Sep 2024 (2024/25): 5 school weeks, 25 days.
// Every pupil is present (/ \) at every session but for the marks below.
const A = upn('873400127001'); // Amy Adams, born 1 Oct 2012: Year 6 in 2023/24, Year 7 in 2024/25; FSM
const B = upn('873400127002'); // Ben Brown, born 1 Dec 2011: Year 8 in 2024/25; not FSM
const C = upn('873400127003'); // Cara Clark, born 15 Mar 2013: Year 7 in 2024/25; not FSM
const D = upn('873400127004'); // Dev Dhillon, born 5 May 2012: Year 8 in 2024/25; FSM
const E = upn('873400127005'); // Eve Evans, born 1 Feb 2013: Year 7, never absent: on no list
const F = upn('873400127006'); // in the register only (no pupils file row): no name, no year group; from 2 Sep

function weekdays(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
		if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) out.push(d.toISOString().slice(0, 10));
	return out;
}
const JULY = weekdays('2024-07-15', '2024-07-19');
const SEPTEMBER = weekdays('2024-09-02', '2024-09-27');
const lines: string[] = [];
function attend(pupil: string, dates: string[], codes: Record<string, [string, string]> = {}) {
	for (const d of dates) {
		const [am, pm] = codes[d] ?? ['/', '\\'];
		lines.push(`${pupil},${d},AM,${am}`, `${pupil},${d},PM,${pm}`);
	}
}
const both = (code: string, dates: string[]) => Object.fromEntries(dates.map((d) => [d, [code, code] as [string, string]]));

// A: O O Mon 15 Jul (2) and O O every day of the week of 2 Sep (10): 12 unauthorised sessions in the window.
attend(A, [...JULY, ...SEPTEMBER], { ...both('O', ['2024-07-15']), ...both('O', weekdays('2024-09-02', '2024-09-06')) });
// B: O O Mon 9 – Wed 11 Sep: 6.
attend(B, [...JULY, ...SEPTEMBER], both('O', weekdays('2024-09-09', '2024-09-11')));
// C: G G every day of the week of 16 Sep (10) and N on Mon 23 Sep AM (1): 11.
attend(C, [...JULY, ...SEPTEMBER], { ...both('G', weekdays('2024-09-16', '2024-09-20')), '2024-09-23': ['N', '\\'] });
// D: U on Mon 2 Sep AM: 1.
attend(D, [...JULY, ...SEPTEMBER], { '2024-09-02': ['U', '\\'] });
attend(E, [...JULY, ...SEPTEMBER]);
// F: O on Fri 27 Sep AM: 1.
attend(F, SEPTEMBER, { '2024-09-27': ['O', '\\'] });

const REGISTER = `UPN,Date,Session,Mark\n${lines.join('\n')}\n`;
const PUPILS = `UPN,Forename,Surname,DateOfBirth,Form,FSM,SEN,CLA
${A},Amy,Adams,2012-10-01,7AB,Y,N,N
${B},Ben,Brown,2011-12-01,8CD,N,K,N
${C},Cara,Clark,2013-03-15,7AB,N,N,Y
${D},Dev,Dhillon,2012-05-05,8CD,Y,E,N
${E},Eve,Evans,2013-02-01,7EF,N,N,N
`;

let GET: typeof import('../../src/routes/api/lists/[list]/+server').GET;
let COUNT: typeof import('../../src/routes/api/lists/[list]/count/+server').GET;
let w: Warehouse;
const listColumns = (name: keyof typeof LISTS) => Object.keys(LISTS[name].columns) as string[];
const only = (rows: Record<string, unknown>[], columns: string[]) => rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));

beforeAll(async () => {
	w = await freshWarehouse();
	await importFile(w, tempFile('register.csv', REGISTER), { school: 100001 });
	await importFile(w, tempFile('pupils.csv', PUPILS), { school: 100001 });
	process.env.ATTENDANCE_DB = w.path;
	({ GET } = await import('../../src/routes/api/lists/[list]/+server'));
	({ GET: COUNT } = await import('../../src/routes/api/lists/[list]/count/+server'));
});

describe('/api/lists/[list]', () => {
	it('answers the same rows as runList, in Arrow IPC, as of the latest marked day by default', async () => {
		const answer = await callArrow(GET, '/api/lists/penalty', { list: 'penalty' });
		expect(answer.contentType).toBe('application/vnd.apache.arrow.stream');
		expect(answer.columns.slice(0, Object.keys(LISTS.penalty.columns).length)).toEqual(listColumns('penalty'));
		expect(answer.columns).toContain('name');
		const list = await runList(w, 'penalty', {});
		expect(list.on).toBe('2024-09-27');
		expect(only(answer.rows, listColumns('penalty'))).toEqual(list.rows);
		// most unauthorised sessions first: A 12 (2 in July + 10), C 11 (10 G + 1 N), B 6, then D and F 1 each
		expect(answer.rows.map((r) => [r.upn, r.unauthorised_sessions_in_window])).toEqual([
			[A, 12], [C, 11], [B, 6], ...[[D, 1], [F, 1]].sort((x, y) => String(x[0]).localeCompare(String(y[0])))
		]);
	});

	it('joins the pupil’s name, year group as of the list’s date, form and flags', async () => {
		const { rows } = await callArrow(GET, '/api/lists/penalty', { list: 'penalty' });
		const byUpn = Object.fromEntries(rows.map((r) => [r.upn, r]));
		expect(byUpn[A]).toMatchObject({ name: 'Amy Adams', year_group: 'Year 7', year_group_order: 7, form: '7AB', fsm: true, sen: 'N', looked_after: false });
		expect(byUpn[B]).toMatchObject({ name: 'Ben Brown', year_group: 'Year 8', fsm: false, sen: 'K' });
		expect(byUpn[C]).toMatchObject({ name: 'Cara Clark', year_group: 'Year 7', looked_after: true });
		expect(byUpn[D]).toMatchObject({ name: 'Dev Dhillon', year_group: 'Year 8', sen: 'E' });
		// F came only in the register: listed, with nothing known about them
		expect(byUpn[F]).toMatchObject({ name: null, year_group: null, form: null, fsm: null });
	});

	it('narrows the rows to the year group and cohort as of the list’s date', async () => {
		const upns = async (query: string) => (await callArrow(GET, `/api/lists/penalty?${query}`, { list: 'penalty' })).rows.map((r) => r.upn);
		expect(await upns('yg=Year%207')).toEqual([A, C]);
		expect(await upns('yg=Year%208')).toEqual([B, D]);
		expect(await upns('cohort=fsm:FSM%20eligible')).toEqual([A, D]);
		expect(await upns('yg=Year%207&cohort=fsm:FSM%20eligible')).toEqual([A]);
		expect(await upns('cohort=sen:EHC%20plan')).toEqual([D]);
		expect(await upns('yg=Year%2011')).toEqual([]);
		// as of Fri 19 Jul 2024, in 2023/24: only A (O O on 15 Jul), who was in Year 6 then
		expect(await upns('on=2024-07-19')).toEqual([A]);
		expect(await upns('on=2024-07-19&yg=Year%206')).toEqual([A]);
		expect(await upns('on=2024-07-19&yg=Year%207')).toEqual([]);
	});

	it('takes the as-of date and the list’s parameters from the URL, as runList does', async () => {
		// as of Fri 6 Sep: A 2 + 10 = 12, D 1; B's absence comes the week after
		const early = await callArrow(GET, '/api/lists/penalty?on=2024-09-06&threshold_sessions=12', { list: 'penalty' });
		const list = await runList(w, 'penalty', { on: '2024-09-06', threshold_sessions: '12' });
		expect(only(early.rows, listColumns('penalty'))).toEqual(list.rows);
		expect(early.rows.map((r) => [r.upn, r.unauthorised_sessions_in_window, r.threshold_met_on])).toEqual([
			[A, 12, '2024-09-06'], [D, 1, null]
		]);
		// A window of 1 school week as of 27 Sep: only that week's sessions (C's N on Mon 23 Sep, F's O on Fri 27)
		const week = await callArrow(GET, '/api/lists/penalty?window_weeks=1', { list: 'penalty' });
		expect(week.rows.map((r) => [r.upn, r.unauthorised_sessions_in_window])).toEqual(
			[[C, 1], [F, 1]].sort((x, y) => String(x[0]).localeCompare(String(y[0])))
		);
		// another list: N codes overdue after 3 school days as of 27 Sep: C's N of Mon 23 Sep is 4 school days old
		const n = await callArrow(GET, '/api/lists/unresolved-n?days=3', { list: 'unresolved-n' });
		expect(only(n.rows, listColumns('unresolved-n'))).toEqual((await runList(w, 'unresolved-n', { days: '3' })).rows);
		expect(n.rows.map((r) => [r.upn, r.oldest_age_school_days, r.name])).toEqual([[C, 4, 'Cara Clark']]);
		expect((await callArrow(GET, '/api/lists/unresolved-n?days=4', { list: 'unresolved-n' })).rows).toEqual([]);
	});

	it('answers a list with no rows with its columns', async () => {
		const answer = await callArrow(GET, '/api/lists/part-time', { list: 'part-time' });
		expect(answer.rows).toEqual([]);
		expect(answer.columns.slice(0, Object.keys(LISTS['part-time'].columns).length)).toEqual(listColumns('part-time'));
	});

	it('counts the pupils on a list for the same filters', async () => {
		const count = await callArrow(COUNT, '/api/lists/penalty/count', { list: 'penalty' });
		expect(count.rows).toEqual([{ list: 'penalty', on: '2024-09-27', pupils: 5, rows: 5 }]);
		const year7 = await callArrow(COUNT, '/api/lists/penalty/count?yg=Year%207&school=100001', { list: 'penalty' });
		expect(year7.rows[0]).toMatchObject({ pupils: 2 });
	});

	it('refuses an unknown list (404) and bad parameters (400)', async () => {
		expect(await statusOf(GET, '/api/lists/nothing', { list: 'nothing' })).toBe(404);
		expect(await statusOf(COUNT, '/api/lists/nothing/count', { list: 'nothing' })).toBe(404);
		expect(await statusOf(GET, '/api/lists/penalty?threshold_sessions=0', { list: 'penalty' })).toBe(400);
		expect(await statusOf(GET, '/api/lists/penalty?threshold_sessions=ten', { list: 'penalty' })).toBe(400);
		expect(await statusOf(GET, '/api/lists/penalty?window_weeks=2.5', { list: 'penalty' })).toBe(400);
		expect(await statusOf(GET, '/api/lists/penalty?on=2024-02-30', { list: 'penalty' })).toBe(400);
		expect(await statusOf(GET, '/api/lists/bands?band_high=0.9&band_mid=0.95', { list: 'bands' })).toBe(400);
		expect(await statusOf(GET, '/api/lists/stages?since=yesterday', { list: 'stages' })).toBe(400);
		expect(await statusOf(GET, '/api/lists/penalty?cohort=shoe:size', { list: 'penalty' })).toBe(400);
		expect(await statusOf(GET, '/api/lists/penalty?school=abc', { list: 'penalty' })).toBe(400);
		expect(await statusOf(COUNT, '/api/lists/penalty/count?threshold_sessions=-1', { list: 'penalty' })).toBe(400);
	});
});
