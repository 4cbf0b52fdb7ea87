import { expect, test, type Locator, type Page } from '@playwright/test';
import { percent } from '../../src/lib/catalog/format';
import { cliJson } from './cli';

interface WeekdayRow {
	weekday: string;
	session: string;
	possible_sessions: number;
	absent_sessions: number;
	absence_rate: number;
}

// as catalog/format shows a percentage (23/80 is 28.8%)
const pct = (f: number) => percent(f);

/** The rate the weekday chart's table gives for one weekday and session (opens the table). */
async function tableRate(card: Locator, page: Page, weekday: string, session: string, group?: string): Promise<string> {
	const details = card.locator('details');
	if (!(await details.getAttribute('open'))) await card.getByText('Show as a table').click();
	let row = card.locator('tbody tr')
		.filter({ has: page.locator('td', { hasText: new RegExp(`^${weekday}$`) }) })
		.filter({ has: page.locator('td', { hasText: new RegExp(`^${session}$`) }) });
	if (group) row = row.filter({ has: page.locator('td', { hasText: new RegExp(`^${group}$`) }) });
	return (await row.locator('td').last().textContent())!.trim();
}

/** The filter bar's year group select. */
const yearGroup = (page: Page) => page.locator('form[aria-label="Filters"] select[name="yg"]');

/** The range the filter bar shows (the CLI is given the same). */
async function range(page: Page): Promise<string[]> {
	return ['--from', await page.locator('form[aria-label="Filters"] input[name="from"]').inputValue(), '--to', await page.locator('form[aria-label="Filters"] input[name="to"]').inputValue()];
}

test('patterns: the weekday × session rates are the CLI’s, and the year group filter changes URL and figures together', async ({ page }) => {
	await page.goto('/patterns');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Patterns');
	const card = page.getByTestId('chart-weekday');
	await expect(page.locator('[data-testid="chart-weekday"][data-state="ready"]')).toBeVisible();
	await expect(page.locator('[data-testid="chart-month"][data-state="ready"]')).toBeVisible();
	await expect(page.locator('[data-testid="chart-week-of-term"][data-state="ready"]')).toBeVisible();
	await expect(page.locator('[data-testid="chart-lateness-year-group"][data-state="ready"]')).toBeVisible();
	await expect(card.locator('svg').first()).toBeVisible();

	const dates = await range(page);
	const all = cliJson('report', 'weekday', ...dates) as WeekdayRow[];
	expect(all).toHaveLength(10);
	const mondayAm = all.find((r) => r.weekday === 'Mon' && r.session === 'AM')!;
	expect(await tableRate(card, page, 'Mon', 'AM')).toBe(pct(mondayAm.absence_rate));
	const peak = [...all].sort((a, b) => b.absence_rate - a.absence_rate)[0];
	await expect(page.getByTestId('peak-session')).toHaveText(`${peak.weekday} ${peak.session}`);
	await expect(page.getByTestId('peak-rate')).toHaveText(`${pct(peak.absence_rate)} of possible sessions missed`);
	await page.screenshot({ path: 'test-results/screenshots/patterns.png', fullPage: true });

	// Year 7 only: the URL says so and the figures become Year 7's, as the CLI gives them
	await yearGroup(page).selectOption('Year 7');
	await expect(page).toHaveURL(/yg=Year(\+|%20)7/);
	const year7 = cliJson('report', 'weekday', ...dates, '--year-group', 'Year 7') as WeekdayRow[];
	const peak7 = [...year7].sort((a, b) => b.absence_rate - a.absence_rate)[0];
	await expect(page.getByTestId('peak-rate')).toHaveText(`${pct(peak7.absence_rate)} of possible sessions missed`);
	await expect(page.locator('[data-testid="chart-weekday"][data-state="ready"]')).toBeVisible();
	const mondayAm7 = year7.find((r) => r.weekday === 'Mon' && r.session === 'AM')!;
	expect(mondayAm7.possible_sessions).toBeLessThan(mondayAm.possible_sessions);
	await expect.poll(() => tableRate(card, page, 'Mon', 'AM')).toBe(pct(mondayAm7.absence_rate));
	await page.screenshot({ path: 'test-results/screenshots/patterns-year7.png', fullPage: true });
});

test('patterns: splitting by free school meals keeps the split in the URL and gives each group its own rates', async ({ page }) => {
	await page.goto('/patterns');
	await expect(page.locator('[data-testid="chart-weekday"][data-state="ready"]')).toBeVisible();
	const dates = await range(page);
	await page.getByLabel('Split the weekday and month charts by').selectOption('fsm');
	await expect(page).toHaveURL(/split=fsm/);
	const card = page.getByTestId('chart-weekday');
	await expect(page.locator('[data-testid="chart-weekday"][data-state="ready"]')).toBeVisible();
	await expect(page.locator('[data-testid="chart-month"][data-state="ready"]')).toBeVisible();
	await expect(card.getByText(/FSM eligible · \d+ pupils/).first()).toBeVisible();
	const fsm = cliJson('report', 'weekday', ...dates, '--cohort', 'fsm:FSM eligible') as WeekdayRow[];
	const friPm = fsm.find((r) => r.weekday === 'Fri' && r.session === 'PM')!;
	await expect.poll(() => tableRate(card, page, 'Fri', 'PM', 'FSM eligible')).toBe(pct(friPm.absence_rate));
	// the split survives a change of filter
	await yearGroup(page).selectOption('Year 8');
	await expect(page).toHaveURL(/split=fsm/);
	await expect(page).toHaveURL(/yg=Year(\+|%20)8/);
	await expect(page.locator('[data-testid="chart-weekday"][data-state="ready"]')).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/patterns-split.png', fullPage: true });
});
