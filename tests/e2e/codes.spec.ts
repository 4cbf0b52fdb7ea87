import { expect, test, type Page } from '@playwright/test';
import { cliJson } from './cli';

interface CodeRow {
	code: string;
	sessions: number;
}

const n = (v: number) => v.toLocaleString('en-GB');
const sessionsOf = (rows: CodeRow[], code: string) => rows.find((r) => r.code === code)?.sessions ?? 0;

/** The filter bar's year group select. */
const yearGroup = (page: Page) => page.locator('form[aria-label="Filters"] select[name="yg"]');

async function range(page: Page): Promise<string[]> {
	return ['--from', await page.locator('form[aria-label="Filters"] input[name="from"]').inputValue(), '--to', await page.locator('form[aria-label="Filters"] input[name="to"]').inputValue()];
}

test('codes: a code’s sessions are the CLI’s, and the year group filter changes URL and figures together', async ({ page }) => {
	await page.goto('/codes');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Codes');
	for (const id of ['totals', 'weekly', 'by-group', 'unresolved-n', 'holidays-weekly', 'holidays-year-group', 'unusual'])
		await expect(page.locator(`[data-testid="chart-${id}"][data-state="ready"]`)).toBeVisible();

	const dates = await range(page);
	const codes = cliJson('report', 'codes', ...dates) as CodeRow[];
	expect(sessionsOf(codes, 'I')).toBeGreaterThan(0);
	await expect(page.getByTestId('code-I')).toHaveText(n(sessionsOf(codes, 'I')));
	await expect(page.getByTestId('code-N')).toHaveText(n(sessionsOf(codes, 'N')));
	// the chart's table gives the same figure
	const totals = page.getByTestId('chart-totals');
	await totals.getByText('Show as a table').click();
	const oRow = totals.locator('tbody tr').filter({ has: page.locator('td', { hasText: /^O$/ }) });
	await expect(oRow.locator('td').nth(3)).toHaveText(n(sessionsOf(codes, 'O')));
	await page.screenshot({ path: 'test-results/screenshots/codes.png', fullPage: true });

	await yearGroup(page).selectOption('Year 7');
	await expect(page).toHaveURL(/yg=Year(\+|%20)7/);
	const year7 = cliJson('report', 'codes', ...dates, '--year-group', 'Year 7') as CodeRow[];
	expect(sessionsOf(year7, 'I')).toBeLessThan(sessionsOf(codes, 'I'));
	await expect(page.getByTestId('code-I')).toHaveText(n(sessionsOf(year7, 'I')));
	await expect(page.locator('[data-testid="chart-by-group"][data-state="ready"]')).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/codes-year7.png', fullPage: true });
});

test('codes: the unresolved N list follows its threshold in the URL and links to each pupil', async ({ page }) => {
	await page.goto('/codes');
	const list = page.locator('[data-testid="chart-unresolved-n"][data-state="ready"]');
	await expect(list).toBeVisible();
	const count = async () => Number(await page.getByTestId('unresolved-count').getAttribute('data-count'));
	const atFive = await count();
	expect(atFive).toBeGreaterThan(0);
	const first = list.locator('tbody tr').first();
	await expect(first.locator('a')).toHaveAttribute('href', /^\/pupils\/[A-Z]\d{12}$/);
	// oldest first: the first row has the most school days outstanding
	const outstanding = await list.locator('tbody tr td:last-child').allTextContents();
	expect(Number(outstanding[0])).toBe(Math.max(...outstanding.map(Number)));

	const field = page.getByLabel('Older than (school days)');
	await field.fill('40');
	await field.press('Enter');
	await expect(page).toHaveURL(/older_than=40/);
	await expect(page.locator('[data-testid="chart-unresolved-n"][data-state="ready"]')).toBeVisible();
	await expect.poll(count).toBeLessThan(atFive);
	const days = await list.locator('tbody tr td:last-child').allTextContents();
	expect(days.every((d) => Number(d) > 40)).toBe(true);

	// rows by form, cells as sessions: kept in the URL
	await page.getByLabel('Rows', { exact: true }).selectOption('form');
	await expect(page).toHaveURL(/rows=form/);
	await expect(page.getByRole('heading', { name: 'Codes by form' })).toBeVisible();
	await expect(page.locator('[data-testid="chart-by-group"][data-state="ready"]')).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/codes-forms.png', fullPage: true });
});
