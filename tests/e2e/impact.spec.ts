import { expect, test, type Page } from '@playwright/test';
import { percent } from '../../src/lib/catalog/format';
import { cliJson } from './cli';

interface ImpactRow {
	type: string;
	pupils: number;
	naive_relative: number | null;
	adjusted_relative: number | null;
	ci_low: number | null;
	ci_high: number | null;
	comparison_pupils: number;
}

/** A relative change as the page words it: "30.5% less", "12.0% more". */
const change = (v: number) => `${percent(Math.abs(v))} ${v < 0 ? 'less' : 'more'}`;

/** The range the filter bar shows (the CLI is given the same). */
async function range(page: Page): Promise<string[]> {
	return ['--from', await page.locator('form[aria-label="Filters"] input[name="from"]').inputValue(), '--to', await page.locator('form[aria-label="Filters"] input[name="to"]').inputValue()];
}

test('impact: naive and adjusted estimates side by side, as the CLI gives them, with the explanation and the event study', async ({ page }) => {
	await page.goto('/impact');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Impact of interventions');
	const table = page.getByTestId('impact-types');
	await expect(table).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });

	const cli = cliJson('report', 'impact', ...(await range(page))) as ImpactRow[];
	expect(cli.length).toBeGreaterThan(0);
	await expect(table.getByTestId('impact-row')).toHaveCount(cli.length);
	const estimated = cli.filter((r) => r.adjusted_relative !== null);
	expect(estimated.length).toBeGreaterThan(0);
	for (const r of estimated) {
		const row = table.locator(`[data-testid="impact-row"][data-type="${r.type}"]`);
		await expect(row.getByTestId('naive')).toHaveText(change(r.naive_relative!));
		await expect(row.getByTestId('adjusted')).toHaveText(change(r.adjusted_relative!));
	}
	// a type with fewer than 10 pupils shows counts only
	const small = cli.find((r) => r.adjusted_relative === null && r.naive_relative === null);
	if (small) await expect(table.locator(`[data-testid="impact-row"][data-type="${small.type}"]`)).toContainText('Counts only');

	// the plain-words method, with its limits
	const method = page.getByTestId('method');
	await expect(method.getByRole('heading', { name: /plain words/ })).toBeVisible();
	await expect(method).toContainText('regression to the mean');
	await expect(method).toContainText('not proof');
	await expect(method).toContainText('95% interval');
	await expect(method).toContainText('fewer than 10 pupils');

	// the event study for the type with the most pupils, then another from the picker
	const chart = page.getByTestId('chart-event-study');
	await expect(chart).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
	await expect(chart.locator('svg[role="img"]')).toBeVisible();
	const biggest = [...estimated].sort((a, b) => b.pupils - a.pupils)[0];
	await expect(chart.getByRole('heading')).toHaveText(`Absence week by week around the start: ${biggest.type}`);
	await chart.getByText('Show as a table').click();
	await expect(chart.locator('tbody tr')).toHaveCount(42);
	await expect(page.getByTestId('match-quality')).toContainText('After matching');

	const other = estimated.find((r) => r.type !== biggest.type);
	if (other) {
		await page.getByLabel('Intervention shown below').selectOption(other.type);
		await expect(page).toHaveURL(new RegExp(`type=${encodeURIComponent(other.type).replace(/%20/g, '(\\+|%20)')}`));
		await expect(page.getByTestId('chart-event-study').getByRole('heading')).toHaveText(`Absence week by week around the start: ${other.type}`);
		await expect(page.getByTestId('chart-event-study')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
	}

	// a wider window: the URL and the figures follow
	await page.getByLabel('School days compared before and after the start').selectOption('40');
	await expect(page).toHaveURL(/window=40/);
	await expect(table).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
	const wide = cliJson('report', 'impact', ...(await range(page)), '--window', '40') as ImpactRow[];
	const first = wide.find((r) => r.naive_relative !== null)!;
	await expect(table.locator(`[data-testid="impact-row"][data-type="${first.type}"]`).getByTestId('naive')).toHaveText(change(first.naive_relative!));
});
