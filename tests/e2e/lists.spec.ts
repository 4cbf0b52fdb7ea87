import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { cliJson } from './cli';

interface PenaltyRow {
	upn: string;
	unauthorised_sessions_in_window: number;
	school_urn: number;
}

/** Pupils on the CLI's penalty list as of a date (one row per pupil and school). */
const cliPupils = (...args: string[]) => new Set((cliJson('report', 'penalty', ...args) as PenaltyRow[]).map((r) => r.upn)).size;
const listReady = (page: Page) => page.locator('[data-testid="list"][data-state="ready"]');
const listCount = async (page: Page) => Number(await page.getByTestId('list-count').getAttribute('data-count'));
const asOf = async (page: Page) => (await page.getByTestId('as-of').getAttribute('data-on')) as string;
const column = (page: Page, key: string) => page.locator(`[data-testid="list-table"] tbody td[data-key="${key}"]`);
const numbers = async (page: Page, key: string) => (await column(page, key).allTextContents()).map((t) => Number(t.replace(/,/g, '')));

test('lists: the index counts each list; the penalty list matches the CLI, sorts, moves in time and links to pupils', async ({ page }) => {
	await page.goto('/lists');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Casework lists');
	const on = await asOf(page);
	expect(on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	const penaltyCount = page.locator('[data-testid="count-penalty"][data-state="ready"]');
	await expect(penaltyCount).toBeVisible();
	const pupils = cliPupils('--on', on);
	expect(pupils).toBeGreaterThan(5);
	await expect(penaltyCount).toHaveAttribute('data-count', String(pupils));
	for (const name of ['daily', 'unresolved-n', 'continuous', 'stages', 'lateness', 'bands', 'recovery', 'termly', 'part-time', 'recognition'])
		await expect(page.locator(`[data-testid="count-${name}"][data-state="ready"]`)).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/lists.png', fullPage: true });

	// the penalty list: the rule at the top, the date in words, the CLI's pupils
	await page.getByRole('link', { name: 'Penalty-notice threshold' }).click();
	await expect(page).toHaveURL(/\/lists\/penalty/);
	await expect(listReady(page)).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Penalty-notice threshold');
	await expect(page.getByText(/10 or more sessions of unauthorised absence/)).toBeVisible();
	expect(await asOf(page)).toBe(on);
	await expect(page.getByTestId('as-of')).toHaveText(new RegExp(`as of (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \\d{1,2} [A-Z][a-z]+ ${on.slice(0, 4)}`));
	expect(await listCount(page)).toBe(pupils);
	await expect(page.getByTestId('year-group-counts')).toBeVisible();
	// the year group counts add up to the list
	const byYear = (await page.locator('[data-testid="year-group-counts"] td[data-year-group]').allTextContents()).map((t) => Number(t.replace(/\D/g, '')));
	expect(byYear.reduce((a, b) => a + b, 0)).toBe(pupils);
	await page.screenshot({ path: 'test-results/screenshots/lists-penalty.png', fullPage: true });

	// sort by a column: ascending on the first click, descending on the second (keyboard)
	const header = page.locator('[data-testid="list-table"] thead button[data-column="unauthorised_sessions_in_window"]');
	await header.click();
	await expect(page.locator('th:has(button[data-column="unauthorised_sessions_in_window"])')).toHaveAttribute('aria-sort', 'ascending');
	const up = await numbers(page, 'unauthorised_sessions_in_window');
	expect(up.length).toBeGreaterThan(5);
	expect(up).toEqual([...up].sort((a, b) => a - b));
	await header.focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('th:has(button[data-column="unauthorised_sessions_in_window"])')).toHaveAttribute('aria-sort', 'descending');
	const down = await numbers(page, 'unauthorised_sessions_in_window');
	expect(down).toEqual([...up].sort((a, b) => b - a));

	// CSV of exactly the rows shown, named after the list and its date
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download CSV/ }).click()]);
	expect(download.suggestedFilename()).toBe(`penalty-${on}.csv`);
	const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
	expect(csv[0].startsWith('upn,name,year_group,form')).toBe(true);
	expect(csv.length - 1).toBe(await column(page, 'unauthorised_sessions_in_window').count());
	expect(Number(csv[1].split(',')[csv[0].split(',').indexOf('unauthorised_sessions_in_window')])).toBe(down[0]);

	// an earlier date: the URL and the list change together, as the CLI has it for that date
	const earlier = new Date(`${on}T00:00:00Z`);
	earlier.setUTCDate(earlier.getUTCDate() - 42);
	const then = earlier.toISOString().slice(0, 10);
	await page.getByLabel('As of', { exact: true }).fill(then);
	await expect(page).toHaveURL(new RegExp(`on=${then}`));
	await expect(listReady(page)).toBeVisible();
	await expect.poll(() => asOf(page)).toBe(then);
	const thenPupils = cliPupils('--on', then);
	await expect.poll(() => listCount(page)).toBe(thenPupils);
	await expect(page.getByTestId('list-notes')).toContainText(/Window to: \d{1,2} [A-Z][a-z]{2} \d{4}/);
	await page.screenshot({ path: 'test-results/screenshots/lists-penalty-earlier.png', fullPage: true });

	// a year group (the largest on the list) narrows the list to its pupils, as its count said
	const groups = page.locator('[data-testid="year-group-counts"] td[data-year-group]');
	const sizes = await groups.evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-year-group') ?? '', Number(td.textContent?.replace(/\D/g, ''))] as const));
	const [group, size] = [...sizes].filter(([g]) => g.startsWith('Year')).sort((a, b) => b[1] - a[1])[0];
	await page.locator('form[aria-label="Filters"] select[name="yg"]').selectOption(group);
	await expect(page).toHaveURL(new RegExp(`yg=${group.replace(' ', '(\\+|%20)')}`));
	await expect(listReady(page)).toBeVisible();
	await expect.poll(() => listCount(page)).toBe(size);
	const years = await page.locator('[data-testid="list-table"] tbody td.year').allTextContents();
	expect(years.length).toBeGreaterThan(0);
	expect(years.every((y) => y.startsWith(group))).toBe(true);
	await page.screenshot({ path: 'test-results/screenshots/lists-penalty-year-group.png', fullPage: true });

	// follow a UPN to the pupil's page
	const link = page.getByTestId('pupil-link').first();
	const upn = ((await link.getAttribute('href')) ?? '').replace('/pupils/', '');
	expect(upn).toMatch(/^[A-Z]\d{12}$/);
	await link.click();
	await expect(page).toHaveURL(new RegExp(`/pupils/${upn}`));
	await expect(page.getByText(upn).first()).toBeVisible();
});

test('lists: parameters live in the URL, and a bad one is a message, not a crash', async ({ page }) => {
	await page.goto('/lists/penalty');
	await expect(listReady(page)).toBeVisible();
	const on = await asOf(page);
	const threshold = page.getByLabel('Threshold (unauthorised sessions)');
	await expect(threshold).toHaveValue('10');
	await threshold.fill('20');
	await threshold.press('Enter');
	await expect(page).toHaveURL(/threshold_sessions=20/);
	await expect(page.getByText(/20 or more sessions of unauthorised absence/)).toBeVisible();
	await expect(listReady(page)).toBeVisible();
	// the pupils at or over 20 have a date the threshold was met; the rest are shown how far off they are
	const cli = cliJson('report', 'penalty', '--on', on, '--param', 'threshold_sessions=20') as PenaltyRow[];
	await expect.poll(() => listCount(page)).toBe(new Set(cli.map((r) => r.upn)).size);

	await page.goto('/lists/penalty?threshold_sessions=0');
	await expect(page.getByTestId('list-problem')).toContainText('Threshold (unauthorised sessions) must be between 1 and 1000, not 0');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Penalty-notice threshold');
	await page.screenshot({ path: 'test-results/screenshots/lists-problem.png', fullPage: true });

	const missing = await page.goto('/lists/no-such-list');
	expect(missing?.status()).toBe(404);

	// another list on the demo: the bands list, most at risk first, with badges
	await page.goto('/lists/bands');
	await expect(listReady(page)).toBeVisible();
	expect(await listCount(page)).toBeGreaterThan(10);
	await expect(page.locator('[data-testid="list-table"] .badge').first()).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/lists-bands.png', fullPage: true });
});
