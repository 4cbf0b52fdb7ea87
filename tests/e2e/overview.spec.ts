import { expect, test, type Page } from '@playwright/test';
import { absenceShares, decimal, percent } from '../../src/lib/catalog/format';
import { cliJson } from './cli';

interface Summary {
	pupils: number;
	possible_sessions: number;
	authorised_sessions: number;
	unauthorised_sessions: number;
	overall_absence_rate: number;
	persistent_pupils: number;
}

// figures as catalog/format shows them (23/80 is 28.8%); attendance is 100% − overall absence as shown
const pct = (f: number) => percent(f);
const attendance = (overall: number) => percent(absenceShares({ overall }).attendance);
/** '2024/25' → its first and last days. */
const bounds = (year: string) => {
	const start = Number(year.slice(0, 4));
	return [`${start}-09-01`, `${start + 1}-08-31`];
};

async function chartsReady(page: Page) {
	for (const id of ['attendance', 'persistence', 'terms'])
		await expect(page.locator(`[data-testid="chart-${id}"]`)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
	await expect(page.getByTestId('headline-attendance')).toBeVisible();
}

test('the overview shows each year against the CLI figures, and follows the academic year filter', async ({ page }) => {
	await page.goto('/overview');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attendance overview: All schools');
	await chartsReady(page);
	const yearSelect = page.getByLabel('Academic year');
	const years = await yearSelect.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
	expect(years.length).toBeGreaterThan(1);
	const [latest, before] = years;

	// the chosen (latest) year: attendance = 1 − overall absence of the CLI summary for the same dates
	const [from, to] = bounds(latest);
	const summary = cliJson('report', 'summary', '--from', from, '--to', to) as Summary;
	await expect(page.getByRole('heading', { name: new RegExp(`^${latest.replace('/', '\\/')}`) })).toBeVisible();
	await expect(page.getByTestId('headline-attendance')).toHaveText(attendance(summary.overall_absence_rate));
	const days = (summary.authorised_sessions + summary.unauthorised_sessions) / 2 / summary.pupils;
	await expect(page.getByTestId('headline-days')).toHaveText(decimal(days));
	await expect(page.getByTestId('headline-persistent')).toHaveText(pct(summary.persistent_pupils / summary.pupils));
	await expect(page.getByTestId('headline-sentence')).toContainText(`Attendance in ${latest} is ${attendance(summary.overall_absence_rate)}`);
	// three years of half-terms in the chart's table alternative
	await page.locator('[data-testid="chart-attendance"] summary').click();
	await expect(page.locator('[data-testid="chart-attendance"] tbody tr').first()).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/overview.png', fullPage: true });

	// the year before, through the filter bar: the URL and the headline change together
	const sentence = await page.getByTestId('headline-sentence').textContent();
	await yearSelect.selectOption(before);
	await expect(page).toHaveURL(/[?&]year=/);
	expect(new URL(page.url()).searchParams.get('year')).toBe(before);
	await expect(page.getByRole('heading', { name: new RegExp(`^${before.replace('/', '\\/')} at a glance`) })).toBeVisible();
	await chartsReady(page);
	await expect(page.getByTestId('headline-sentence')).not.toHaveText(sentence ?? '');
	const [from2, to2] = bounds(before);
	const earlier = cliJson('report', 'summary', '--from', from2, '--to', to2) as Summary;
	await expect(page.getByTestId('headline-attendance')).toHaveText(attendance(earlier.overall_absence_rate));
	await page.screenshot({ path: 'test-results/screenshots/overview-year.png', fullPage: true });
});

test('a school’s target is saved through the form and moves the target line and headline', async ({ page }) => {
	await page.goto('/overview');
	const school = page.getByLabel('School');
	const urn = (await school.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean)))[0];
	await school.selectOption(urn);
	await expect(page).toHaveURL(new RegExp(`school=${urn}`));
	await chartsReady(page);
	const key = page.locator('[data-testid="chart-attendance"] .overview-key');
	await expect(key).toContainText('Target 96%');
	await expect(page.getByTestId('headline-target')).toContainText('target 96%');

	const input = page.getByLabel(/Attendance target for/);
	await input.fill('94.5');
	await page.getByRole('button', { name: 'Save target' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Target saved' })).toBeVisible();
	await expect(page.getByTestId('headline-target')).toContainText('target 94.5%');
	await expect(key).toContainText('Target 94.5%');
	await expect(page.getByText(/Currently 94\.5%/)).toBeVisible();
	// the filters stay as they were, and the target stays after a reload
	expect(new URL(page.url()).searchParams.get('school')).toBe(urn);
	await page.reload();
	await chartsReady(page);
	await expect(page.getByTestId('headline-target')).toContainText('target 94.5%');
	// the trust still has the default
	await school.selectOption('');
	await chartsReady(page);
	await expect(page.getByTestId('headline-target')).toContainText('target 96%');
	// a target out of range is not accepted (the server refuses it too: tests/integration/api-overview.test.ts)
	await input.fill('40');
	expect(await input.evaluate((el) => (el as HTMLInputElement).validity.valid)).toBe(false);
	await page.goto(`/overview?school=${urn}`);
	await chartsReady(page);
	await page.screenshot({ path: 'test-results/screenshots/overview-target.png', fullPage: true });
});
