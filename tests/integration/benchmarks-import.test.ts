import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, importFile, isImportRejected } from '../../src/lib/server/ingest';
import { Warehouse } from '../../src/lib/server/warehouse';
import { freshWarehouse, REFERENCE, rows, tempFile } from '../helpers/warehouse';
import { callArrow } from '../helpers/api';
import { upn } from '../helpers/upn';

const HEADER = 'period,time_identifier,geographic_level,area,area_code,school_type,breakdown,breakdown_value,measure,value_percent,source';
// an LA's figures and a newer national release for a period the shipped file also covers
const GOOD = `${HEADER}
2024/25,Autumn term,Local authority,Cambridgeshire,873,State-funded primary,Total,All pupils,overall_absence_rate,5.2,LA attendance bulletin autumn 2024
2024/25,Autumn term,Local authority,Cambridgeshire,873,State-funded primary,Total,All pupils,persistent_absence_percent,14.0,LA attendance bulletin autumn 2024
2024/25,Autumn term,Regional,East of England,,State-funded primary,Total,All pupils,overall_absence_rate,5.4,Pupil absence in schools in England: autumn term 2024/25
2025/26,Autumn term,National,England,,State-funded primary secondary and special,Total,All pupils,overall_absence_rate,6.8,Pupil absence in schools in England: autumn term 2025/26 (revised)
`;

async function imported(w: Warehouse) {
	return rows(w, `SELECT period, time_identifier, geographic_level, area, area_code, measure, value_percent, source, origin FROM benchmarks WHERE origin = 'imported' ORDER BY ALL`);
}

describe('benchmark imports', () => {
	it('recognises the file from its header, keeps the rows across reopenings, and prefers them to the shipped figure', async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'lens-bench-')), 'warehouse.duckdb');
		const w = await Warehouse.open(path);
		const shipped = readFileSync(join(REFERENCE, 'national-benchmarks.csv'), 'utf8').trim().split('\n').length - 1;
		const result = await importFile(w, tempFile('la-figures.csv', GOOD));
		expect(result).toMatchObject({ kind: 'benchmarks', rowsRead: 4, added: 4, amended: 0, unchanged: 0, unit: 'figures' });
		const before = await imported(w);
		expect(before).toHaveLength(4);
		expect(before[0]).toMatchObject({ geographic_level: 'Local authority', area_code: '873', value_percent: 5.2, origin: 'imported' });

		// reopening reloads the shipped rows and keeps the imported ones
		const again = await Warehouse.open(path);
		expect(await imported(again)).toEqual(before);
		const [{ n }] = await rows(again, `SELECT count(*)::INTEGER AS n FROM national_benchmarks WHERE origin = 'shipped'`);
		expect(n).toBe(shipped);

		// the benchmarks view gives each figure once: the imported 2025/26 national figure over the shipped one
		const national = await rows(again, `SELECT value_percent, source, origin, period_end FROM benchmarks
			WHERE period = '2025/26' AND time_identifier = 'Autumn term' AND geographic_level = 'National' AND measure = 'overall_absence_rate'
				AND school_type = 'State-funded primary secondary and special' AND breakdown = 'Total'`);
		expect(national).toEqual([{ value_percent: 6.8, source: 'Pupil absence in schools in England: autumn term 2025/26 (revised)', origin: 'imported', period_end: '2025-12-31' }]);

		// the same file again is identical; a changed value amends that figure only
		expect((await importFile(again, tempFile('la-figures.csv', GOOD))).status).toBe('identical');
		const changed = GOOD.replace('overall_absence_rate,5.2,', 'overall_absence_rate,5.3,');
		expect(await importFile(again, tempFile('la-figures-2.csv', changed))).toMatchObject({ added: 0, amended: 1, unchanged: 3 });
		const after = await imported(again);
		expect(after.find((r) => r.area === 'Cambridgeshire' && r.measure === 'overall_absence_rate')!.value_percent).toBe(5.3);
		expect(after).toHaveLength(4);
	});

	it('rejects a file with bad rows whole, naming the file, line and reason', async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'lens-bench-')), 'warehouse.duckdb');
		const w = await Warehouse.open(path);
		const bad = `${HEADER}
2024/25,Autumn term,Local authority,Cambridgeshire,873,State-funded primary,Total,All pupils,overall_absence_rate,5.2,LA bulletin
2024-25,Autumn term,National,England,,State-funded primary,Total,All pupils,overall_absence_rate,5.2,DfE
2024/25,Winter term,National,England,,State-funded primary,Total,All pupils,overall_absence_rate,5.2,DfE
2024/25,Autumn term,Local authority,Cambridgeshire,,State-funded primary,Total,All pupils,severe_absence_percent,1.2,LA bulletin
2024/25,Autumn term,National,England,,State-funded primary,Total,All pupils,attendance,94.8,DfE
2024/25,Autumn term,National,England,,State-funded primary,Total,All pupils,persistent_absence_percent,abc,DfE
2024/25,Autumn term,National,England,,State-funded primary,Total,All pupils,unauthorised_absence_rate,1.0,
2024/25,Autumn term,Local authority,Cambridgeshire,873,State-funded primary,Total,All pupils,overall_absence_rate,5.3,LA bulletin
2024/25,Autumn term,Local authority,Cambridgeshire,E10000003,State-funded primary,Total,All pupils,unauthorised_absence_rate,1.3,LA bulletin
`;
		let error: unknown;
		try {
			await importFile(w, tempFile('bad-figures.csv', bad));
		} catch (e) {
			error = e;
		}
		expect(isImportRejected(error)).toBe(true);
		const problems = (error as { problems: Parameters<typeof formatProblem>[1][] }).problems;
		const text = problems.map((p) => formatProblem('bad-figures.csv', p));
		expect(text).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/bad-figures\.csv.*line 3.*period '2024-25' is not an academic year/),
				expect.stringMatching(/line 4.*time identifier 'Winter term'/),
				expect.stringMatching(/line 5.*local authority row needs an area_code/),
				expect.stringMatching(/line 6.*measure 'attendance'/),
				expect.stringMatching(/line 7.*value 'abc' is not a percentage/),
				expect.stringMatching(/line 8.*no source/),
				expect.stringMatching(/line 9.*listed twice/),
				expect.stringMatching(/line 10.*area Cambridgeshire has area code E10000003 here but 873 on an earlier line/)
			])
		);
		expect(text).toHaveLength(8);
		// nothing landed
		expect(await imported(w)).toEqual([]);
	});
});

describe('benchmarks beside the school on the overview', () => {
	// Two primary schools in different LAs, one autumn day each in 2024/25 (term dates imported, so the
	// autumn term is covered whole): P1 at A misses the PM session.
	const A = 100001, B = 100002;
	const P1 = upn('873400131001'), P2 = upn('873400131002');
	const SCHOOLS = `URN,Name,LA,Estab,Phase\n${A},Alder Primary,873,2001,Primary\n${B},Beech Primary,874,2002,Primary\n`;
	const REGISTER = `URN,UPN,Date,Session,Mark\n${A},${P1},2024-09-03,AM,/\n${A},${P1},2024-09-03,PM,I\n${B},${P2},2024-09-03,AM,/\n${B},${P2},2024-09-03,PM,\\\n`;
	const TERMS = `academic_year,term,half_term,start_date,end_date
2024/25,Autumn,Autumn 1,2024-09-02,2024-10-25
2024/25,Autumn,Autumn 2,2024-11-04,2024-12-20
`;
	const FIGURES = `${HEADER}
2024/25,Autumn term,Local authority,Cambridgeshire,873,State-funded primary,Total,All pupils,overall_absence_rate,5.2,LA attendance bulletin autumn 2024
2024/25,Autumn term,Local authority,Cambridgeshire,873,State-funded primary,Total,All pupils,persistent_absence_percent,14.0,LA attendance bulletin autumn 2024
2024/25,Autumn term,National,England,,State-funded primary,Total,All pupils,overall_absence_rate,5.6,Pupil absence in schools in England: autumn term 2024/25
2024/25,Autumn term,Local authority,Cambridgeshire,873,State-funded primary secondary and special,FSM eligibility,Not FSM eligible,overall_absence_rate,4.4,LA attendance bulletin autumn 2024
`;
	const PUPILS = `UPN,Forename,Surname,FSM\n${P1},Ann,Ash,N\n${P2},Bo,Birch,N\n`;
	let GET: typeof import('../../src/routes/api/overview/[dataset]/+server').GET;

	it('gives the LA figure for the school\'s LA beside the national one, each with its release and period end', async () => {
		const w = await freshWarehouse();
		for (const [name, text] of [['schools.csv', SCHOOLS], ['register.csv', REGISTER], ['terms.csv', TERMS], ['figures.csv', FIGURES], ['pupils.csv', PUPILS]])
			await importFile(w, tempFile(name, text));
		process.env.ATTENDANCE_DB = w.path;
		({ GET } = await import('../../src/routes/api/overview/[dataset]/+server'));
		const autumn = async (school: number) =>
			(await callArrow(GET, `/api/overview/periods?year=2024/25&school=${school}&grains=term`, { dataset: 'periods' })).rows.find(
				(r) => r.academic_year === '2024/25' && r.label === 'Autumn'
			)!;
		const a = await autumn(A);
		expect(a).toMatchObject({
			overall_absence_rate: 0.5,
			national_overall_absence_rate: expect.closeTo(0.056, 12),
			national_source: 'Pupil absence in schools in England: autumn term 2024/25',
			national_period: '2024/25, autumn term, to 31 Dec 2024',
			la_overall_absence_rate: expect.closeTo(0.052, 12),
			la_persistent_percent: expect.closeTo(0.14, 12),
			la_authorised_absence_rate: null,
			la_area: 'Cambridgeshire',
			la_source: 'LA attendance bulletin autumn 2024',
			la_period: '2024/25, autumn term, to 31 Dec 2024'
		});
		// B is in another LA: national, no LA figure
		const b = await autumn(B);
		expect(b).toMatchObject({ national_overall_absence_rate: expect.closeTo(0.056, 12), la_overall_absence_rate: null, la_source: null, la_area: null });

		// the cohorts view gives the LA's figure for the FSM group beside the national one
		const cohorts = (await import('../../src/routes/api/cohorts/[dataset]/+server')).GET;
		const group = async (school: number) =>
			(await callArrow(cohorts, `/api/cohorts/by_dimension?year=2024/25&school=${school}&dimension=fsm`, { dataset: 'by_dimension' })).rows[0];
		expect(await group(A)).toMatchObject({
			value: 'Not FSM eligible',
			la_absence_rate: expect.closeTo(0.044, 12),
			la_area: 'Cambridgeshire',
			la_period: '2024/25, Autumn term, to 31 Dec 2024',
			la_source: 'LA attendance bulletin autumn 2024'
		});
		expect(await group(B)).toMatchObject({ value: 'Not FSM eligible', la_absence_rate: null });
	});
});
