import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { cliJson } from './cli';

interface Summary {
	pupils: number;
	possible_sessions: number;
	authorised_sessions: number;
	unauthorised_sessions: number;
	persistent_pupils: number;
}

/** A CSV line's fields (the LA return's fields hold no commas or quotes). */
const fields = (line: string) => line.split(',');

test('downloads the LA benchmark return as CSV from /exports, matching the CLI summary', async ({ page }) => {
	await page.goto('/exports');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exports');
	await expect(page.getByRole('link', { name: "Governors' half-termly pack" })).toHaveAttribute('href', '/pack');
	await expect(page.getByRole('link', { name: 'Reports to parents' })).toHaveAttribute('href', '/parents');

	const form = page.getByRole('form', { name: 'Download the local authority benchmark return' });
	const school = form.getByLabel('School');
	const urn = (await school.locator('option').nth(1).getAttribute('value'))!;
	await school.selectOption(urn);
	const year = await form.getByLabel('Academic year').inputValue();
	await form.getByLabel('Format').selectOption('csv');

	const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Download' }).click()]);
	expect(download.suggestedFilename()).toBe(`la-return-${year.replace('/', '-')}-year-${urn}.csv`);
	const lines = readFileSync((await download.path())!, 'utf8').trim().split('\n');
	const header = fields(lines[0]);
	expect(header.slice(0, 8)).toEqual(['time_period', 'time_identifier', 'geographic_level', 'school_urn', 'breakdown', 'breakdown_value', 'enrolments', 'sess_possible']);
	expect(header).toContain('sess_auth_illness');
	expect(header.slice(-2)).toEqual(['metric_version', 'data_to']);
	const rows = lines.slice(1).map((l) => Object.fromEntries(fields(l).map((v, i) => [header[i], v])));
	const total = rows.find((r) => r.breakdown === 'Total')!;
	expect(total).toMatchObject({ time_identifier: 'Full academic year', geographic_level: 'School', school_urn: urn });
	expect(total.time_period).toBe(`${year.slice(0, 4)}${year.slice(5)}`);

	// the whole school's figures equal the CLI's summary over the same academic year
	const start = Number(year.slice(0, 4));
	const cli = cliJson('report', 'summary', '--school', urn, '--from', `${start}-09-01`, '--to', `${start + 1}-08-31`) as Summary;
	expect(Number(total.enrolments)).toBe(cli.pupils);
	expect(Number(total.sess_possible)).toBe(cli.possible_sessions);
	expect(Number(total.sess_authorised)).toBe(cli.authorised_sessions);
	expect(Number(total.sess_unauthorised)).toBe(cli.unauthorised_sessions);
	expect(Number(total.enrolments_pa_10_exact)).toBe(cli.persistent_pupils);
	// small groups are withheld as 'c'
	expect(rows.some((r) => Object.values(r).includes('c'))).toBe(true);
});

test('downloads the workbook too, and refuses a term it does not know', async ({ page }) => {
	await page.goto('/exports');
	const form = page.getByRole('form', { name: 'Download the local authority benchmark return' });
	await form.getByLabel('Period').selectOption('autumn');
	await form.getByLabel('Format').selectOption('xlsx');
	const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Download' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^la-return-\d{4}-\d{2}-autumn-(all-schools|\d+)\.xlsx$/);
	// an XLSX is a zip file
	expect(readFileSync((await download.path())!).subarray(0, 2).toString()).toBe('PK');
	const bad = await page.request.get('/exports/la?term=winter');
	expect(bad.status()).toBe(400);
});
