import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { saveTarget } from '../../src/lib/server/targets';
import { buildPack, type Pack } from '../../src/lib/server/pack';
import type { SessionUser } from '../../src/lib/server/auth/roles';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { freshWarehouse, tempFile } from '../helpers/warehouse';
import { PUPILS, SCHOOLS, TERM_DATES, URN, pupils, register } from './pack-fixture';

// The register of pack-fixture.ts, worked by hand (120 possible sessions a half-term, 12 pupils):
// Autumn 1: absent 4 + 2 + 1 + 6 + 1 = 14 (authorised 10, unauthorised 4): attendance 106/120 = 88.3%.
//   Persistent (absent × 10 ≥ 10): P1, P2, P7, P8, P9 = 5 of 12; severe (absent × 2 ≥ 10): P8 only, 1 pupil.
// Autumn 2: absent 2 + 2 + 2 + 1 (U) + 1 = 8 (authorised 3, unauthorised 5): attendance 112/120 = 93.3%.
//   Persistent: P1, P8, P10, P11, P3 = 5 of 12; severe: none.
// Year to date (2 Sep – 8 Nov): 22 of 240 absent (authorised 13, unauthorised 9): attendance 218/240 = 90.8%.
//   Persistent over 20 sessions (absent × 10 ≥ 20, 2 or more): P1 (6), P2 (2), P8 (8), P10 (2) = 4 pupils.
const admin: SessionUser = { id: 1, name: 'admin', role: 'admin', schools: null, pupilAccess: true };
const governorElsewhere: SessionUser = { id: 2, name: 'gov', role: 'governor', schools: [999999], pupilAccess: false };

let warehouse: Warehouse;
let pack: Pack;

beforeAll(async () => {
	warehouse = await freshWarehouse();
	await importFile(warehouse, tempFile('schools.csv', SCHOOLS));
	await importFile(warehouse, tempFile('register.csv', register()));
	await importFile(warehouse, tempFile('pupils.csv', pupils()));
	await importFile(warehouse, tempFile('terms.csv', TERM_DATES));
	await saveTarget(warehouse, URN, 95);
	process.env.ATTENDANCE_DB = warehouse.path;
	pack = await buildPack(warehouse, URN, null);
});

describe('the governors’ pack', () => {
	it('is for the latest half-term by default, in progress up to the last marked day', () => {
		expect(pack.school).toEqual({ urn: URN, name: 'Rowan Academy' });
		expect([pack.halfTerm.half_term, pack.halfTerm.start_date, pack.halfTerm.end_date, pack.halfTerm.complete]).toEqual(['Autumn 2', '2024-11-04', '2024-12-20', false]);
		expect(pack.dataTo).toBe('2024-11-08');
		expect(pack.previousHalfTerm?.half_term).toBe('Autumn 1');
		expect(pack.provenance.dataTo).toBe('2024-11-08');
		expect(pack.provenance.metricVersion).toMatch(/^\d+\+[0-9a-f]{8}$/);
		expect(pack.target.target_percent).toBe(95);
	});

	it('gives the headline figures for the half-term, the one before and the year to date', () => {
		const { halfTerm, previous, yearToDate } = pack.headline;
		expect(halfTerm?.pupils).toBe(12);
		expect(halfTerm?.attendance_rate).toBeCloseTo(112 / 120, 12);
		expect(halfTerm?.authorised_absence_rate).toBeCloseTo(3 / 120, 12);
		expect(halfTerm?.unauthorised_absence_rate).toBeCloseTo(5 / 120, 12);
		expect(halfTerm?.persistent_percent).toBeCloseTo(5 / 12, 12);
		expect(previous?.attendance_rate).toBeCloseTo(106 / 120, 12);
		expect(previous?.authorised_absence_rate).toBeCloseTo(10 / 120, 12);
		expect(previous?.unauthorised_absence_rate).toBeCloseTo(4 / 120, 12);
		expect(previous?.persistent_percent).toBeCloseTo(5 / 12, 12);
		expect(yearToDate?.pupils).toBe(12);
		expect(yearToDate?.attendance_rate).toBeCloseTo(218 / 240, 12);
		expect(yearToDate?.authorised_absence_rate).toBeCloseTo(13 / 240, 12);
		expect(yearToDate?.unauthorised_absence_rate).toBeCloseTo(9 / 240, 12);
	});

	it('withholds figures resting on fewer than 5 pupils', () => {
		// severe absence in Autumn 1 rests on one pupil; persistent absence over the year to date on four
		expect(pack.headline.previous?.severe_percent).toBeNull();
		expect(pack.headline.yearToDate?.persistent_percent).toBeNull();
		// free school meals: 3 pupils eligible, so theirs is withheld, and the other group's too (with the
		// school's total it would give theirs away)
		const fsm = pack.cohorts.filter((c) => c.dimension === 'fsm');
		expect(fsm.map((c) => c.value).sort()).toEqual(['FSM eligible', 'Not FSM eligible']);
		for (const c of fsm) expect([c.pupils, c.absence_rate, c.persistent_percent, c.gap_to_rest_persistent_points]).toEqual([null, null, null, null]);
		// girls (6 pupils): absence P1 2 + P3 1 = 3 of 60 shown; their persistent absence (2 pupils) withheld
		const girls = pack.cohorts.find((c) => c.dimension === 'sex' && c.value === 'Female');
		expect(girls?.pupils).toBe(6);
		expect(girls?.absence_rate).toBeCloseTo(3 / 60, 12);
		expect(girls?.persistent_percent).toBeNull();
		// Year 7 is every pupil: 5 of 12 persistently absent
		const year7 = pack.cohorts.find((c) => c.dimension === 'year_group' && c.value === 'Year 7');
		expect(year7?.persistent_percent).toBeCloseTo(5 / 12, 12);
	});

	it('writes the largest changes since last half-term as sentences', () => {
		// 88.3% → 93.3%; authorised 8.4% → 2.5%; unauthorised 3.3% → 4.2%; persistent absence 41.7% both times.
		// (Last half-term 10 and 4 of 120 sessions: 8.33% + 3.33% shown as 8.4% + 3.3%, adding to the 11.7% overall.)
		// No group sentence: FSM withheld, girls and boys 6 pupils each (fewer than 10), Year 7 is the whole school.
		expect(pack.sentences.map((s) => s.text)).toEqual([
			'Attendance rose 5.0 points to 93.3%, below the 95% target.',
			'Authorised absence fell from 8.4% to 2.5% of sessions.',
			'Unauthorised absence rose from 3.3% to 4.2% of sessions.'
		]);
	});

	it('can be made for an earlier half-term named by any date in it', async () => {
		const earlier = await buildPack(warehouse, URN, '2024-09-10');
		expect(earlier.halfTerm.half_term).toBe('Autumn 1');
		expect(earlier.dataTo).toBe('2024-10-18');
		expect(earlier.provenance.dataTo).toBe('2024-09-06'); // the last mark in Autumn 1
		expect(earlier.previousHalfTerm).toBeNull();
		expect(earlier.sentences).toEqual([]);
		expect(earlier.trend.map((t) => t.label)).toEqual(['Autumn 1']);
		await expect(buildPack(warehouse, URN, '2024-10-25')).rejects.toThrow(/no half-term/);
	});

	it('downloads as CSV with its provenance, withheld figures as c, and no pupil in it', async () => {
		const { GET } = await import('../../src/routes/pack/download/+server');
		const url = new URL(`http://localhost/pack/download?school=${URN}&ht=2024-11-04`);
		const response = await GET({ url, locals: { user: admin } } as never);
		expect(response.headers.get('content-type')).toContain('text/csv');
		const text = await response.text();
		const lines = text.trim().split('\n');
		expect(lines[0]).toBe('section,dimension,group,measure,period,pupils,value,unit');
		expect(lines).toContain('about,,,data_to,,,2024-11-08,');
		expect(lines).toContainEqual(expect.stringMatching(/^about,,,metric_version,,,\d+\+[0-9a-f]{8},$/));
		expect(lines).toContain('headline,,,attendance,half_term,12,93.3,%');
		expect(lines).toContain('headline,,,severe_absence,previous_half_term,12,c,%');
		expect(lines).toContain('groups,fsm,FSM eligible,persistent_absence,half_term,c,c,%');
		expect(lines).toContain('changes,,,attendance,5.0,,"Attendance rose 5.0 points to 93.3%, below the 95% target.",points');
		for (const p of PUPILS) expect(text).not.toContain(p);
		expect(text).not.toMatch(/Pupil\d|Surname\d/);
	});

	it('is refused (403) outside the user’s schools and to nobody signed in', async () => {
		const { load } = await import('../../src/routes/pack/+page.server');
		const status = async (run: () => unknown) => Promise.resolve().then(run).then(() => 200, (e: { status?: number }) => e.status ?? 500);
		const url = new URL(`http://localhost/pack?school=${URN}`);
		expect(await status(() => load({ url, locals: { user: governorElsewhere } } as never))).toBe(403);
		expect(await status(() => load({ url, locals: { user: admin } } as never))).toBe(200);
		const { GET } = await import('../../src/routes/pack/download/+server');
		const noExport = { ...admin, role: 'trust', pupilAccess: false, schools: null } as SessionUser;
		expect(await status(() => GET({ url: new URL(`http://localhost/pack/download?school=${URN}`), locals: { user: noExport } } as never))).toBe(200);
		expect(await status(() => GET({ url: new URL(`http://localhost/pack/download?school=${URN}`), locals: { user: null } } as never))).toBe(403);
	});
});
