import { expect, test } from '@playwright/test';
import { percent } from '../../src/lib/catalog/format';
import { cliJson } from './cli';

interface Summary {
	pupils: number;
	overall_absence_rate: number;
	persistent_pupils: number;
	severe_pupils: number;
}

// as catalog/format shows a percentage (23/80 is 28.8%)
const pct = (f: number) => percent(f);

test('the first page shows the warehouse summary the CLI reports', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('All schools');
	const summary = cliJson('report', 'summary') as Summary;
	expect(summary.pupils).toBeGreaterThan(100);
	await expect(page.getByTestId('overall-absence')).toHaveText(pct(summary.overall_absence_rate));
	await expect(page.getByTestId('persistent')).toHaveText(summary.persistent_pupils.toLocaleString('en-GB'));
	await page.screenshot({ path: 'test-results/screenshots/home.png', fullPage: true });
});

test('choosing a school changes the URL and the figures together', async ({ page }) => {
	await page.goto('/');
	const select = page.getByLabel('School');
	const options = await select.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
	const urn = options[0];
	await select.selectOption(urn);
	await expect(page).toHaveURL(new RegExp(`school=${urn}`));
	const summary = cliJson('report', 'summary', '--school', urn) as Summary;
	await expect(page.getByTestId('overall-absence')).toHaveText(pct(summary.overall_absence_rate));
	await page.screenshot({ path: 'test-results/screenshots/home-school.png', fullPage: true });
});
