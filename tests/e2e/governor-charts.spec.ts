// Issue 16, parts 1, 2 and 4: a governor (aggregates only, small numbers withheld) sees the charts of
// Overview, Cohorts and Codes drawn from the measure each plots, or a note naming that one measure; a
// withheld figure is 'c' with one short note per card; and "Chart (SVG/PNG)" saves the chart itself
// (title, legend, plot, source line), named after the view, chart, school and period.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const signedOut = { storageState: { cookies: [], origins: [] } };

async function signInAs(browser: Browser, name: string, password: string) {
	const context = await browser.newContext({ ...signedOut, acceptDownloads: true });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('User name').fill(name);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByText('governor (Governor)')).toBeVisible();
	return { context, page };
}

/** Every chart card of the page once loaded: drawn (an svg with marks) or a note naming one measure. */
async function checkCards(page: Page, view: string) {
	const cards = page.locator('figure[data-testid^="chart-"]');
	await expect(cards.first()).toBeVisible();
	const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
	expect(ids.length, view).toBeGreaterThan(0);
	const problems: string[] = [];
	const drawn: string[] = [];
	for (const id of ids) {
		const card = page.getByTestId(id);
		await expect(card).not.toHaveAttribute('data-state', 'loading', { timeout: 30_000 });
		const state = await card.getAttribute('data-state');
		if (state !== 'ready') problems.push(`${view} ${id}: ${state}`);
		const note = card.getByTestId('chart-note');
		if (!(await card.getByRole('button', { name: 'Data (CSV)' }).count())) continue; // no rows for these filters
		if (await note.count()) {
			const text = (await note.textContent()) ?? '';
			if (!/^Most [\w ]+ figures are withheld/.test(text) || /^Most of these/.test(text)) problems.push(`${view} ${id}: "${text}"`);
			continue;
		}
		const marks = await card.locator('.plot svg[aria-label] g, .plot svg[aria-label] path, .plot svg[aria-label] rect').count();
		if (marks === 0) problems.push(`${view} ${id}: no chart drawn`);
		else drawn.push(id.replace(/^chart-/, ''));
		// withheld figures: one short note, and 'c' in the table
		const notes = card.getByTestId('withheld-note');
		if (await notes.count()) {
			expect(await notes.count()).toBe(1);
			await expect(notes).toHaveText('c: withheld, fewer than 5 pupils');
		}
	}
	expect(problems).toEqual([]);
	expect(drawn.length, `${view}: charts drawn`).toBeGreaterThan(ids.length / 2);
	return drawn;
}

async function checkDownloads(page: Page, view: string, id: string) {
	const card = page.getByTestId(`chart-${id}`);
	// the CSV: withheld cells as 'c', exactly where the card says some are withheld
	const [csvDownload] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Data (CSV)' }).click()]);
	expect(csvDownload.suggestedFilename()).toMatch(new RegExp(`^${view}-${id}-\\d+-\\d{4}-\\d{2}\\.csv$`));
	const csv = readFileSync((await csvDownload.path())!, 'utf8');
	const hasC = csv.split('\n').slice(1).some((line) => line.split(',').includes('c'));
	expect(hasC, `${view} ${id}: 'c' in the CSV`).toBe((await card.getByTestId('withheld-note').count()) === 1);
	const title = (await card.locator('h2').textContent())!.trim();
	const [svgDownload] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Chart (SVG)' }).click()]);
	expect(svgDownload.suggestedFilename()).toMatch(new RegExp(`^${view}-${id}-\\d+-\\d{4}-\\d{2}\\.svg$`));
	const svg = readFileSync((await svgDownload.path())!, 'utf8');
	const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
	const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1]);
	expect(width, `${view} ${id} svg width`).toBeGreaterThan(100);
	expect(height, `${view} ${id} svg height`).toBeGreaterThan(100);
	expect(svg).toContain(title.replaceAll('&', '&amp;'));
	expect(svg).toMatch(/<(rect|path|circle)\b/);
	expect(svg).toContain('Source: Attendance Lens');
	expect(svg.length).toBeGreaterThan(2000);
	const [pngDownload] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Chart (PNG)' }).click()]);
	expect(pngDownload.suggestedFilename()).toBe(svgDownload.suggestedFilename().replace(/\.svg$/, '.png'));
	const png = readFileSync((await pngDownload.path())!);
	expect(png.subarray(1, 4).toString()).toBe('PNG');
	expect(png.readUInt32BE(16), 'png width').toBeGreaterThan(200);
	expect(png.readUInt32BE(20), 'png height').toBeGreaterThan(200);
	expect(png.length).toBeGreaterThan(5000);
}

test('a governor sees the charts of Overview, Cohorts and Codes, and downloads each view\'s chart itself', async ({ browser }) => {
	test.setTimeout(120_000);
	const { context, page } = await signInAs(browser, 'governor', 'demo');
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
	for (const [view, chart] of [['overview', 'attendance'], ['cohorts', 'cohort-sen'], ['codes', 'totals']] as const) {
		await page.goto(`/${view}`);
		await page.waitForLoadState('networkidle');
		const ids = await checkCards(page, view);
		if (view === 'overview') {
			// a withheld headline figure is 'c', never compared with last year, and the note says why once
			const figures = await page.getByTestId('headline').locator('.fig').evaluateAll((els) =>
				els.map((e) => ({ value: e.querySelector('.value')?.textContent?.trim(), change: e.querySelector('.change')?.textContent?.trim() ?? null, text: e.textContent ?? '' }))
			);
			for (const f of figures) if (f.value === 'c') expect(f.change, f.text).toBeNull();
			const withheld = figures.some((f) => /(^|\s)c(\s|$)/.test(f.text));
			await expect(page.getByTestId('headline').getByTestId('withheld-note')).toHaveCount(withheld ? 1 : 0);
			await expect(page.getByTestId('headline-sentence')).not.toContainText('–');
		}
		if (view === 'codes') {
			// the figures above the charts: a withheld count is 'c' (not 0), with one note
			const values = await page.getByRole('region', { name: 'At a glance' }).locator('.value').allTextContents();
			await expect(page.getByTestId('withheld-note').and(page.locator('p.note'))).toHaveCount(values.some((v) => v.trim() === 'c') ? 1 : 0);
		}
		const pick = ids.includes(chart) ? chart : ids[0];
		await checkDownloads(page, view, pick);
	}
	// Patterns too: each chart drawn from its measure, or a note naming it
	await page.goto('/patterns');
	await page.waitForLoadState('networkidle');
	await checkCards(page, 'patterns');
	expect(errors).toEqual([]);
	await context.close();
});
