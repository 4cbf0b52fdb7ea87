import { expect, test, type Page } from '@playwright/test';
import { percent } from '../../src/lib/catalog/format';
import { cliJson } from './cli';

interface Summary {
	pupils: number;
	possible_sessions: number;
	overall_absence_rate: number;
	persistent_pupils: number;
}

// as catalog/format shows a percentage (23/80 is 28.8%)
const pct = (f: number) => percent(f);
const DIMENSIONS = ['year_group', 'sex', 'fsm', 'pupil_premium', 'sen', 'eal', 'ethnicity', 'cla'];

/** Waits until every dimension's chart and the crossed heat map have their data. */
async function ready(page: Page) {
	for (const d of [...DIMENSIONS.filter((d) => d !== 'cla'), 'crossed'])
		await expect(page.locator(`[data-testid="chart-cohort-${d}"]`)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
}

const groupCell = (page: Page, dimension: string, value: string, column: string) =>
	page.locator(`tr[data-dimension="${dimension}"][data-value="${value}"] [data-col="${column}"]`);

async function range(page: Page) {
	return { from: await page.getByLabel('From', { exact: true }).inputValue(), to: await page.getByLabel('To', { exact: true }).inputValue() };
}

test('the cohorts view gives FSM-eligible pupils the figures the CLI reports, and follows the school filter', async ({ page }) => {
	await page.goto('/cohorts');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cohorts');
	await ready(page);
	const { from, to } = await range(page);
	const fsm = cliJson('report', 'summary', '--cohort', 'fsm:FSM eligible', '--from', from, '--to', to) as Summary;
	expect(fsm.pupils).toBeGreaterThan(10);
	await expect(groupCell(page, 'fsm', 'FSM eligible', 'absence_rate')).toHaveText(pct(fsm.overall_absence_rate));
	await expect(groupCell(page, 'fsm', 'FSM eligible', 'pupils')).toHaveText(fsm.pupils.toLocaleString('en-GB'));
	await expect(groupCell(page, 'fsm', 'FSM eligible', 'persistent_percent')).toContainText(pct(fsm.persistent_pupils / fsm.pupils));
	// the whole scope in the lede is the CLI's whole school
	const all = cliJson('report', 'summary', '--from', from, '--to', to) as Summary;
	await expect(page.getByTestId('scope-pupils')).toHaveText(all.pupils.toLocaleString('en-GB'));
	await expect(page.getByTestId('cohort-headline')).toContainText('percentage points more of their sessions than other pupils');
	await page.screenshot({ path: 'test-results/screenshots/cohorts.png', fullPage: true });

	// one school: the URL and the FSM figures change together
	const school = page.getByRole('combobox', { name: 'School' });
	const urn = (await school.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean)))[0];
	await school.selectOption(urn);
	await expect(page).toHaveURL(new RegExp(`school=${urn}`));
	await ready(page);
	const one = cliJson('report', 'summary', '--school', urn, '--cohort', 'fsm:FSM eligible', '--from', from, '--to', to) as Summary;
	expect(one.pupils).toBeLessThan(fsm.pupils);
	await expect(groupCell(page, 'fsm', 'FSM eligible', 'pupils')).toHaveText(one.pupils.toLocaleString('en-GB'));
	await expect(groupCell(page, 'fsm', 'FSM eligible', 'absence_rate')).toHaveText(pct(one.overall_absence_rate));
	await page.screenshot({ path: 'test-results/screenshots/cohorts-school.png', fullPage: true });
});

test('two dimensions crossed follow the selects and the URL; persistent absence is one click away', async ({ page }) => {
	await page.goto('/cohorts');
	await ready(page);
	const crossed = page.getByTestId('chart-cohort-crossed');
	await expect(crossed.getByRole('heading')).toHaveText('Absence rate: Free school meals × SEN');
	await page.getByRole('combobox', { name: 'Rows' }).selectOption('sex');
	await expect(page).toHaveURL(/rows=sex/);
	await expect(page).toHaveURL(/cols=sen/);
	await expect(crossed.getByRole('heading')).toHaveText('Absence rate: Sex × SEN');
	await expect(crossed).toHaveAttribute('data-state', 'ready');
	// choosing the same dimension for the columns swaps the two
	await page.getByRole('combobox', { name: 'Columns' }).selectOption('sex');
	await expect(page).toHaveURL(/rows=sen&cols=sex/);
	await expect(crossed.getByRole('heading')).toHaveText('Absence rate: SEN × Sex');
	await expect(crossed).toHaveAttribute('data-state', 'ready');
	// the cells' pupils add up to the pupils with a known sex and SEN
	await crossed.getByText('Show as a table').click();
	const cellPupils = await crossed.locator('tbody tr td:nth-child(3)').allTextContents();
	const female = Number((await groupCell(page, 'sex', 'Female', 'pupils').textContent())!.replace(/\D/g, ''));
	const male = Number((await groupCell(page, 'sex', 'Male', 'pupils').textContent())!.replace(/\D/g, ''));
	expect(cellPupils.reduce((s, t) => s + Number(t.replace(/\D/g, '')), 0)).toBe(female + male);

	await page.getByRole('radio', { name: /Persistent absence/ }).check();
	await expect(page).toHaveURL(/measure=pa/);
	await expect(crossed.getByRole('heading')).toHaveText('Persistent absence: SEN × Sex');
	await expect(page.locator('[data-testid="chart-cohort-fsm"] svg[aria-label*="persistent absence"]')).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/cohorts-crossed.png', fullPage: true });
});

test('a group opens the list of its pupils, as many as the group counts', async ({ page }) => {
	await page.goto('/cohorts');
	await ready(page);
	const { from, to } = await range(page);
	const count = (await groupCell(page, 'fsm', 'FSM eligible', 'pupils').textContent())!.replace(/\D/g, '');
	const rate = await groupCell(page, 'fsm', 'FSM eligible', 'absence_rate').textContent();
	await page.locator('tr[data-dimension="fsm"][data-value="FSM eligible"] a').click();
	await expect(page).toHaveURL(/\/cohorts\/pupils\?.*dimension=fsm&value=FSM(\+|%20)eligible/);
	await expect(page.getByTestId('pupil-list')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
	await expect(page.getByTestId('pupil-count')).toHaveText(Number(count).toLocaleString('en-GB'));
	await expect(page.getByTestId('group-rate')).toHaveText(rate!);
	const upns = (cliJson('report', 'pupils', '--cohort', 'fsm:FSM eligible', '--from', from, '--to', to) as { upn: string }[]).map((p) => p.upn);
	const links = page.getByTestId('pupil-list').locator('tbody a');
	await expect(links).toHaveCount(upns.length);
	const first = await links.first().textContent();
	expect(upns).toContain(first);
	expect(await links.first().getAttribute('href')).toMatch(new RegExp(`^/pupils/${first}`));
	await page.screenshot({ path: 'test-results/screenshots/cohorts-pupils.png', fullPage: true });

	// a crossed cell: its link lists the pupils the cell counts
	await page.goto('/cohorts?rows=fsm&cols=sen');
	await ready(page);
	const cell = page.locator('[data-testid="chart-cohort-crossed"] svg a').first();
	const cellCount = (await cell.locator('title').textContent())!.match(/\((\d+) pupils?/)![1];
	await cell.click();
	await expect(page).toHaveURL(/dimension2=sen/);
	await expect(page.getByTestId('pupil-list')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
	await expect(page.getByTestId('pupil-count')).toHaveText(Number(cellCount).toLocaleString('en-GB'));
});
