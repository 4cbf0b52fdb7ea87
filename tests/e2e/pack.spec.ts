import { readFileSync, mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { absenceShares, percent } from '../../src/lib/catalog/format';
import { cliJson } from './cli';

const SHOTS = 'test-results/screenshots';
/** Anything shaped like a UPN (a letter and 12 digits): the pack must hold none. */
const UPN = /\b[A-Z]\d{12}\b/;

async function packReady(page: Page) {
	await expect(page.getByTestId('pack')).toBeVisible();
	await expect(page.getByTestId('pack-trend-chart').locator('svg').first()).toBeVisible({ timeout: 30_000 });
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('the pack shows a school’s half-term against the CLI’s figures, with sentences, a chart and no pupil', async ({ page }) => {
	await page.goto('/pack');
	await packReady(page);
	// a school: its half-term's attendance is the CLI summary's over the same dates
	const school = page.locator('select[name="school"]');
	const urn = await school.locator('option').nth(1).getAttribute('value');
	await school.selectOption(urn!);
	await expect(page).toHaveURL(new RegExp(`school=${urn}`));
	await packReady(page);
	const halfTerm = page.locator('select[name="ht"]');
	const chosen = await halfTerm.inputValue();
	const to = (await page.getByTestId('pack-data-to').getAttribute('data-date'))!;
	const summary = cliJson('report', 'summary', '--from', chosen, '--to', to, '--school', urn!) as { overall_absence_rate: number };
	const attendance = page.getByTestId('pack-headline').locator('tr[data-measure="attendance_rate"] td').first();
	// attendance as catalog/format shows it: 100% − overall absence as shown
	await expect(attendance).toHaveText(percent(absenceShares({ overall: summary.overall_absence_rate }).attendance));
	await expect(page.getByTestId('pack-sentences')).toBeVisible();
	await expect(page.getByTestId('pack-metric-version')).not.toBeEmpty();
	expect(await page.locator('main').innerText()).not.toMatch(UPN);

	// another half-term from the picker
	const options = await halfTerm.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
	expect(options.length).toBeGreaterThan(2);
	await halfTerm.selectOption(options[2]);
	await expect(page).toHaveURL(new RegExp(`ht=${options[2]}`));
	await packReady(page);
	await expect(halfTerm).toHaveValue(options[2]);
});

test('the pack prints: A4 pages without the navigation, screenshots and a PDF', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/pack');
	await packReady(page);
	await page.screenshot({ path: `${SHOTS}/pack-screen.png`, fullPage: true });

	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.top')).toBeHidden();
	await expect(page.getByRole('form', { name: 'Choose the pack' })).toBeHidden();
	await expect(page.locator('.running').first()).toBeVisible();
	await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
	await page.screenshot({ path: `${SHOTS}/pack-print.png`, fullPage: true });

	const pdf = await page.pdf({ path: `${SHOTS}/pack.pdf`, format: 'A4', printBackground: true, preferCSSPageSize: true });
	const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
	// headline and changes; the trend; the groups (one or two pages) and the method
	expect(pages).toBeGreaterThanOrEqual(3);
	expect(pages).toBeLessThanOrEqual(6);
	expect(readFileSync(`${SHOTS}/pack.pdf`).subarray(0, 5).toString()).toBe('%PDF-');
});

test('the pack’s figures download as CSV with their provenance and no pupil', async ({ page }) => {
	await page.goto('/pack');
	await packReady(page);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pack-download').click()]);
	const text = readFileSync((await download.path())!, 'utf8');
	const lines = text.trim().split('\n');
	expect(lines[0]).toBe('section,dimension,group,measure,period,pupils,value,unit');
	expect(lines.some((l) => l.startsWith('about,,,metric_version,'))).toBe(true);
	expect(lines.some((l) => l.startsWith('about,,,data_to,,,20'))).toBe(true);
	expect(lines.filter((l) => l.startsWith('headline,')).length).toBeGreaterThanOrEqual(10);
	expect(text).not.toMatch(UPN);
});
