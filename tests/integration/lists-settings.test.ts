import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { runList, saveListSettings } from '../../src/lib/server/lists';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { freshWarehouse, rows, tempFile } from '../helpers/warehouse';
import { upn } from '../helpers/upn';

// One pupil, Mon 2 – Fri 13 Sep 2024 (10 school days, 20 sessions), ill (I) one morning: 19 of 20
// sessions attended = 95%, in the 95–97% band by default, "at risk" where the school's cut-off is 96%.
const P = upn('873400127001');
const register = ['URN,UPN,Date,Session,Mark'];
for (let d = 2; d <= 13; d++) {
	const date = new Date(Date.UTC(2024, 8, d));
	if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
	const iso = date.toISOString().slice(0, 10);
	const code = iso === '2024-09-05' ? 'I' : '';
	register.push(`100001,${P},${iso},AM,${code || '/'}`, `100001,${P},${iso},PM,\\`);
}

describe('a school sets its own list cut-offs', () => {
	let w: Warehouse;
	beforeAll(async () => {
		w = await freshWarehouse();
		await importFile(w, tempFile('schools.csv', 'URN,Name\n100001,Test School\n100002,Other School\n'));
		await importFile(w, tempFile('register.csv', register.join('\n') + '\n'));
	});

	it('uses the saved setting of the school, the trust’s for others, and what a request gives over both', async () => {
		const band = async (school: number | null, params = {}) =>
			(await runList(w, 'bands', { on: '2024-09-13', school, ...params })).rows.map((r) => [r.attendance_rate, r.band]);
		const before = await band(100001);
		expect(before).toHaveLength(1);
		expect(before[0][0]).toBe(0.95);

		// the trust moves the persistent cut-off to 91%: 90% is persistent at every school
		await saveListSettings(w, 'bands', null, { band_low: 0.91 });
		// the school moves its own "at risk" cut-off too (the trust's band_low still applies to it)
		await saveListSettings(w, 'bands', 100001, { band_mid: 0.96 });
		const list = await runList(w, 'bands', { on: '2024-09-13', school: 100001 });
		expect(list.params).toMatchObject({ band_low: 0.91, band_mid: 0.96, band_high: 0.97 });
		expect((await runList(w, 'bands', { on: '2024-09-13', school: 100002 })).params).toMatchObject({ band_low: 0.91, band_mid: 0.95 });
		expect((await runList(w, 'bands', { on: '2024-09-13', school: 100001, band_mid: 0.94 })).params).toMatchObject({ band_mid: 0.94 });
		expect(list.rows[0].band).not.toBe(before[0][1]);
		expect(await rows(w, 'SELECT count(*) AS n FROM list_settings')).toEqual([{ n: 2 }]);
	});

	it('refuses settings that do not fit together, saving none of them', async () => {
		await expect(saveListSettings(w, 'bands', 100001, { band_high: 0.8 })).rejects.toThrow();
		await expect(saveListSettings(w, 'bands', 100001, { nonsense: 1 })).rejects.toThrow(/no parameter 'nonsense'/);
		expect(await rows(w, 'SELECT count(*) AS n FROM list_settings')).toEqual([{ n: 2 }]);
	});
});
