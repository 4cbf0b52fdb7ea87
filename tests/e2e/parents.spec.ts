import { readFileSync, mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const COLUMNS =
	'upn,forename,surname,year_group,form,school_urn,school_name,half_term,academic_year,half_term_start,half_term_end,' +
	'possible_sessions,attended_sessions,attendance_percent,days_lost,authorised_sessions,unauthorised_sessions,late_before_close,' +
	'late_after_close,late_marks,stage,metric_version,data_to';

test('reports to parents: one report a pupil, and a mail-merge CSV with as many rows', async ({ page }) => {
	await page.goto('/parents');
	const yearGroup = page.getByLabel('Year group');
	const groups = await yearGroup.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
	expect(groups.length).toBeGreaterThan(0);
	await yearGroup.selectOption(groups[0]);
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/yg=/);
	// the page has been redrawn for the year group (its count and download), not just navigated
	await expect(page.getByTestId('parents-download')).toHaveAttribute('href', /yg=/);
	const count = Number((await page.getByTestId('parents-count').textContent())!.replace(/,/g, ''));
	expect(count).toBeGreaterThan(0);
	await expect(page.getByTestId('parent-report')).toHaveCount(count);
	await expect(page.getByTestId('parent-report').first()).toContainText('Attendance this half-term');

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('parents-download').click()]);
	const lines = readFileSync((await download.path())!, 'utf8').trim().split('\n');
	expect(lines[0]).toBe(COLUMNS);
	expect(lines.length - 1).toBe(count);
	expect(lines.slice(1).every((l) => l.includes(`,${groups[0]},`))).toBe(true);

	mkdirSync('test-results/screenshots', { recursive: true });
	await page.screenshot({ path: 'test-results/screenshots/parents-screen.png' });
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.top')).toBeHidden();
	await page.setViewportSize({ width: 794, height: 1123 });
	await page.getByTestId('parent-report').first().screenshot({ path: 'test-results/screenshots/parents-print.png' });
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
	expect(pages).toBe(count); // one pupil a page
});
