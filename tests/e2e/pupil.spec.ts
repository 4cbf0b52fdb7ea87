import { expect, test, type Page } from '@playwright/test';
import { percent } from '../../src/lib/catalog/format';
import { cliJson } from './cli';

interface PupilRow {
	upn: string;
	possible_sessions: number;
	authorised_sessions: number;
	unauthorised_sessions: number;
	absence_rate: number;
	persistent: boolean;
	severe: boolean;
}

// as catalog/format shows a percentage (23/80 is 28.8%)
const pct = (f: number) => percent(f);
const n = (x: number) => x.toLocaleString('en-GB');

/** Waits until the page's charts have their data. */
async function chartsReady(page: Page) {
	await expect(page.locator('[data-testid="chart-calendar"][data-state="ready"]')).toBeVisible();
	await expect(page.locator('[data-testid="chart-rolling"][data-state="ready"]')).toBeVisible();
}

/**
 * A pupil with some absence in the latest year (2025/26) and marks in 2024/25 too, on one school's roll in
 * each, whose possible sessions differ between the two years, from the CLI's `report pupils`.
 */
function choosePupil() {
	const latest = cliJson('report', 'pupils') as PupilRow[];
	const previous = cliJson('report', 'pupils', '--from', '2024-09-01', '--to', '2025-08-31') as PupilRow[];
	const once = (rows: PupilRow[], upn: string) => rows.filter((r) => r.upn === upn);
	for (const now of latest) {
		const before = once(previous, now.upn);
		if (once(latest, now.upn).length !== 1 || before.length !== 1) continue;
		if (now.absence_rate < 0.06 || now.absence_rate > 0.4 || before[0].possible_sessions === now.possible_sessions) continue;
		return { upn: now.upn, now, before: before[0] };
	}
	throw new Error('no suitable pupil in the demo');
}

test('the pupil page shows the CLI report pupils figures, and changes with the academic year', async ({ page }) => {
	const { upn, now, before } = choosePupil();
	await page.goto(`/pupils/${upn}`);
	await expect(page.getByTestId('upn')).toHaveText(upn);
	await expect(page.getByRole('heading', { level: 2, name: 'Year to date: 2025/26' })).toBeVisible();
	await expect(page.getByTestId('possible-sessions')).toHaveText(n(now.possible_sessions));
	await expect(page.getByTestId('absence-rate')).toHaveText(pct(now.absence_rate));
	await expect(page.getByTestId('days-missed')).toContainText(`${((now.authorised_sessions + now.unauthorised_sessions) / 2).toLocaleString('en-GB', { maximumFractionDigits: 1 })} day`);
	await chartsReady(page);
	// every non-present mark of the year is listed: authorised + unauthorised absences among them
	const absences = now.authorised_sessions + now.unauthorised_sessions;
	const rows = page.getByTestId('other-marks').locator('tbody tr');
	expect(await rows.filter({ hasText: /Authorised absence|Unauthorised absence/ }).count()).toBe(absences);
	await page.screenshot({ path: 'test-results/screenshots/pupil.png', fullPage: true });

	await page.getByLabel('Academic year').selectOption('2024/25');
	await expect(page).toHaveURL(/year=2024%2F25/);
	await expect(page.getByRole('heading', { level: 2, name: 'Year to date: 2024/25' })).toBeVisible();
	await expect(page.getByTestId('possible-sessions')).toHaveText(n(before.possible_sessions));
	await expect(page.getByTestId('absence-rate')).toHaveText(pct(before.absence_rate));
	await chartsReady(page);
	await page.screenshot({ path: 'test-results/screenshots/pupil-2024-25.png', fullPage: true });
});

test('a pupil is found by UPN on the search page, and unknown or malformed UPNs are refused', async ({ page }) => {
	const { upn, now } = choosePupil();
	await page.goto('/pupils');
	await expect(page.getByRole('heading', { level: 1, name: 'Find a pupil' })).toBeVisible();
	// without a search: the pupils with the highest absence first
	await expect(page.getByTestId('pupil-results').locator('tbody tr')).toHaveCount(50);
	await page.getByLabel('UPN or name').fill(upn);
	await page.getByLabel('UPN or name').press('Enter');
	await expect(page).toHaveURL(new RegExp(`q=${upn}`));
	const results = page.getByTestId('pupil-results').locator('tbody tr');
	await expect(results).toHaveCount(1);
	await expect(results.first()).toContainText(pct(now.absence_rate));
	await page.screenshot({ path: 'test-results/screenshots/pupil-search.png', fullPage: true });
	await results.first().getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`/pupils/${upn}`));
	await expect(page.getByTestId('possible-sessions')).toHaveText(n(now.possible_sessions));

	expect((await page.goto('/pupils/A000000000000'))?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pupil not found');
	expect((await page.goto('/pupils/not-a-upn'))?.status()).toBe(400);
});
