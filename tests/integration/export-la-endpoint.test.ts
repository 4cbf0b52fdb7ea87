import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { importFile } from '../../src/lib/server/ingest';
import { freshWarehouse, tempFile } from '../helpers/warehouse';
import { statusOf, testUser, TEST_ADMIN } from '../helpers/api';
import { upn } from '../helpers/upn';
import type { SessionUser } from '../../src/lib/server/auth/roles';

// Two schools, one pupil each, one day in September 2024: the download holds each user to their schools.
const A = 100001, B = 100002;
const P1 = upn('873400132001'), P2 = upn('873400132002');
const SCHOOLS = `URN,Name,LA,Estab,Phase\n${A},Alder Primary,873,2001,Primary\n${B},Beech Primary,873,2002,Primary\n`;
const REGISTER = `URN,UPN,Date,Session,Mark\n${A},${P1},2024-09-03,AM,/\n${A},${P1},2024-09-03,PM,I\n${B},${P2},2024-09-03,AM,/\n${B},${P2},2024-09-03,PM,O\n`;

let GET: typeof import('../../src/routes/exports/la/+server').GET;
const call = async (query: string, user: SessionUser | null = TEST_ADMIN) => {
	const url = new URL(`/exports/la?${query}`, 'http://localhost');
	return GET({ url, params: {}, request: new Request(url), locals: { user } } as never);
};

beforeAll(async () => {
	const w = await freshWarehouse();
	await importFile(w, tempFile('schools.csv', SCHOOLS));
	await importFile(w, tempFile('register.csv', REGISTER));
	process.env.ATTENDANCE_DB = w.path;
	({ GET } = await import('../../src/routes/exports/la/+server'));
});

describe('/exports/la', () => {
	it('downloads the CSV for every school for an admin, with small numbers withheld', async () => {
		const response = await call('year=2024/25');
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="la-return-2024-25-year-all-schools.csv"');
		const lines = (await response.text()).trim().split('\n');
		const totals = lines.filter((l) => l.includes(',Total,All pupils,'));
		expect(totals.map((l) => l.split(',')[3])).toEqual([String(A), String(B)]);
		// one pupil each: every figure withheld
		expect(totals[0].split(',').slice(6, 11)).toEqual(['c', 'c', 'c', 'c', 'c']);
	});

	it('holds a school-scoped user to their school, and refuses another', async () => {
		const officer = testUser('officer', [A]);
		const own = await (await call('year=2024/25', officer)).text();
		expect(new Set(own.trim().split('\n').slice(1).map((l) => l.split(',')[3]))).toEqual(new Set([String(A)]));
		expect(await statusOf(GET, `/exports/la?year=2024/25&school=${B}`, {}, officer)).toBe(403);
		expect(await statusOf(GET, '/exports/la?year=2024/25', {}, null)).toBe(403);
	});

	it('answers an XLSX workbook, and 400 or 404 for bad requests', async () => {
		const response = await call(`year=2024/25&school=${A}&term=autumn&format=xlsx`);
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="la-return-2024-25-autumn-${A}.xlsx"`);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(await response.arrayBuffer());
		expect(book.worksheets.at(-1)!.name).toBe('Definitions');
		expect(await statusOf(GET, '/exports/la?year=2024/25&term=winter')).toBe(400);
		expect(await statusOf(GET, '/exports/la?year=2024/25&format=pdf')).toBe(400);
		expect(await statusOf(GET, '/exports/la?year=2019/20')).toBe(404);
		// no dates of birth or year groups imported: nobody is known to be in the national statistics cohort
		expect(await statusOf(GET, '/exports/la?year=2024/25&national_cohort=1')).toBe(404);
	});
});
