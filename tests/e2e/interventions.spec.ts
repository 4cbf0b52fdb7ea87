import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// The intervention log on the e2e demo (signed in as the demo admin through the global storageState).

/** An ISO date `days` before another. */
const daysBefore = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

test('the log counts overdue reviews; a pupil link leads to the pupil page, where an intervention is recorded and shown', async ({ page }) => {
	await page.goto('/interventions');
	await expect(page.getByRole('heading', { level: 1, name: 'Intervention log' })).toBeVisible();
	const log = page.getByTestId('log');
	await expect(log).toHaveAttribute('data-state', 'ready');
	const asOf = (await page.getByTestId('as-of').getAttribute('data-on')) as string;
	expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	await expect(page.getByTestId('as-of')).toContainText('the latest day with marks');

	// the headline count is the number of rows marked overdue, and there are some in the demo
	const overdue = Number(await page.getByTestId('overdue-count').getAttribute('data-count'));
	expect(overdue).toBeGreaterThan(0);
	await expect(page.getByTestId('log-row').filter({ hasText: /Overdue by \d+ days?/ })).toHaveCount(overdue);
	const total = Number(await page.getByTestId('log-count').getAttribute('data-count'));
	await expect(page.getByTestId('log-row')).toHaveCount(total);
	// progress against a target: some rows are on target or below it
	await expect(page.getByTestId('progress').filter({ hasText: /On target|Below target/ }).first()).toBeVisible();

	// only the overdue ones
	await page.getByLabel('Status', { exact: true }).selectOption('overdue');
	await expect(page).toHaveURL(/status=overdue/);
	await expect(log).toHaveAttribute('data-state', 'ready');
	await expect(page.getByTestId('log-row')).toHaveCount(overdue);
	await expect(page.getByTestId('overdue-count')).toHaveAttribute('data-count', String(overdue));
	await page.screenshot({ path: 'test-results/screenshots/interventions.png', fullPage: true });

	// the CSV holds exactly the rows shown
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download CSV/ }).click()]);
	const csv = readFileSync((await download.path()) as string, 'utf8').trim().split('\n');
	expect(csv[0].split(',').slice(0, 5)).toEqual(['upn', 'name', 'year_group', 'school_urn', 'type']);
	const shownUpns = await page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-upn')));
	expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual(shownUpns);
	expect(csv.slice(1).every((line) => line.includes(',true,'))).toBe(true); // review_overdue

	// follow the link of the pupil whose review fell due most recently (the rows are by review date)
	const latest = page.getByTestId('log-row').last();
	const upn = (await latest.getAttribute('data-upn')) as string;
	const due = (await latest.getAttribute('data-review')) as string;
	expect(upn).toMatch(/^[A-Z]\d{12}$/);
	expect(due < asOf).toBe(true);
	await latest.getByTestId('pupil-link').click();
	await expect(page).toHaveURL(new RegExp(`/pupils/${upn}`));
	await expect(page.getByTestId('upn')).toHaveText(upn);
	const interventions = page.getByTestId('pupil-interventions');
	await expect(interventions.getByText('Review overdue').first()).toBeVisible();

	// record an attendance meeting on the day that review fell due
	const start = due;
	const form = page.getByTestId('record-intervention');
	await form.getByLabel('Type').selectOption('Attendance meeting');
	await form.getByLabel('Start date').fill(start);
	await form.getByLabel('Review date').fill(daysBefore(asOf, -14));
	await form.getByLabel('Target').fill('9 of 10 sessions a week');
	await form.getByLabel('Notes').fill('E2E: meeting with parent about mornings');
	await form.getByRole('button', { name: 'Record intervention' }).click();
	await expect(form.getByRole('status')).toHaveText(`Recorded: Attendance meeting from ${start}.`);

	// it is on the table, with its progress against the target, and on the timeline
	const row = interventions.getByTestId('intervention').filter({ hasText: 'E2E: meeting with parent about mornings' });
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('9 of 10 sessions a week');
	await expect(row).toContainText(/Recorded by /);
	await expect(row.getByTestId('progress')).toContainText(/(On target|Below target).* since the start against 90\.0%/);
	await expect(page.locator('[data-testid="chart-rolling"][data-state="ready"]')).toBeVisible();
	await expect(page.locator('[data-testid="chart-rolling"] svg text').filter({ hasText: /^Attendance meeting/ }).first()).toBeVisible();

	// set its end date: kept in the history shown under it
	await row.getByText('Dates').click();
	await row.getByLabel('End date').fill(asOf);
	await row.getByRole('button', { name: 'Save' }).click();
	await expect(interventions.getByRole('status').first()).toContainText('end date set');
	await expect(interventions.locator('tr.history').filter({ hasText: 'end date set' }).first()).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/interventions-pupil.png', fullPage: true });

	// and in the log
	await page.goto(`/interventions?type=${encodeURIComponent('Attendance meeting')}`);
	await expect(page.getByTestId('log')).toHaveAttribute('data-state', 'ready');
	await expect(page.getByTestId('log-row').filter({ hasText: upn }).filter({ hasText: '9 of 10 sessions a week' }).first()).toBeVisible();
});

test('the list of intervention types: add one, refuse it again in any case, retire it', async ({ page }) => {
	await page.goto('/interventions/types');
	await expect(page.getByRole('heading', { level: 1, name: 'Intervention types' })).toBeVisible();
	await expect(page.getByTestId('type-row').first()).toContainText('Letter 1');
	const name = `Home visit ${Date.now() % 100000}`;
	await page.getByTestId('add-type').getByLabel('Name').fill(name);
	await page.getByRole('button', { name: 'Add to the list' }).click();
	await expect(page.getByTestId('types-message')).toHaveText(`Added ${name} to the end of the list.`);
	await expect(page.getByTestId('type-row').last()).toContainText(name);
	// the same name again (any case) is refused
	await page.getByTestId('add-type').getByLabel('Name').fill(name.toUpperCase());
	await page.getByRole('button', { name: 'Add to the list' }).click();
	await expect(page.getByTestId('types-message')).toHaveText(`'${name}' is already on the list.`);
	// retire it: no longer offered
	await page.getByTestId('type-row').last().getByRole('button', { name: `Retire ${name}` }).click();
	await expect(page.getByTestId('types-message')).toContainText(`Retired ${name}`);
});
