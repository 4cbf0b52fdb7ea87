import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { percent } from '../../src/lib/catalog/format';
import { cliJson } from './cli';

const SAMPLE = 'tests/fixtures/samples/register-long-2024-25-autumn.csv';
const BAD = 'tests/fixtures/bad/long-h-withdrawn.csv';
/** A pupil of the sample register (not in the demo until the upload). */
const SAMPLE_PUPIL = 'A873402110012';

interface PupilRow {
	upn: string;
	possible_sessions: number;
	absence_rate: number;
}

async function openImports(page: Page) {
	await page.goto('/imports');
	// the history is fetched once the page runs in the browser: the form works from then on
	await expect(page.locator('[data-testid="import-history"][data-state="ready"]')).toBeVisible();
}

/** The first demo school offered by the upload form's school select. */
async function firstSchool(page: Page): Promise<string> {
	const values = await page.locator('#upload-school option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
	return values.find((v) => /^\d+$/.test(v))!;
}

async function upload(page: Page, file: string, school: string) {
	await page.getByLabel('School the file is for').selectOption(school);
	await page.getByLabel('Export file').setInputFiles(file);
	await page.getByRole('button', { name: 'Upload' }).click();
}

test('an uploaded register lands: its counts, the history, and its marks on a pupil page', async ({ page }) => {
	await openImports(page);
	await page.screenshot({ path: 'test-results/screenshots/imports.png', fullPage: true });
	const school = await firstSchool(page);
	await upload(page, SAMPLE, school);
	await expect(page.getByTestId('upload-result')).toContainText(
		'register-long-2024-25-autumn.csv: 2,100 rows read, 2,100 marks added, 0 amended, 0 unchanged'
	);
	await expect(page.getByRole('status').filter({ hasText: 'Imported.' })).toHaveCount(1);
	const newest = page.getByTestId('import-history').locator('tbody tr').first();
	await expect(newest).toContainText('register-long-2024-25-autumn.csv');
	await expect(newest.locator('td').nth(5)).toHaveText('2,100');
	await page.screenshot({ path: 'test-results/screenshots/imports-uploaded.png', fullPage: true });

	// The CLI reads its own copy of the demo: give it the same file, so that it (and every later browser
	// test comparing the server with the CLI) sees the same warehouse as the server.
	execFileSync('npx', ['tsx', 'scripts/cli.ts', 'import', SAMPLE, '--school', school, '--db', 'test-results/e2e-data/cli.duckdb'], { stdio: 'ignore' });
	const report = cliJson('report', 'pupils', '--school', school, '--from', '2024-09-01', '--to', '2025-08-31') as PupilRow[];
	const row = report.find((r) => r.upn === SAMPLE_PUPIL)!;
	expect(row.possible_sessions).toBeGreaterThan(100);

	// the marks are there: the sample pupil's page for 2024/25
	await page.goto(`/pupils/${SAMPLE_PUPIL}?school=${school}&year=2024%2F25`);
	await expect(page.getByTestId('possible-sessions')).toHaveText(row.possible_sessions.toLocaleString('en-GB'));
	await expect(page.getByTestId('absence-rate')).toHaveText(percent(row.absence_rate));
	await expect(page.locator('[data-testid="chart-calendar"][data-state="ready"]')).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/imports-pupil.png', fullPage: true });

	// the same file again changes nothing
	await openImports(page);
	const rowsBefore = await page.getByTestId('import-history').locator('tbody tr').count();
	await upload(page, SAMPLE, school);
	await expect(page.getByTestId('upload-result')).toContainText(/register-long-2024-25-autumn\.csv: identical to import #\d+: nothing changed/);
	await expect(page.getByTestId('import-history').locator('tbody tr')).toHaveCount(rowsBefore);
});

test('a file with a problem is rejected with its line number, and nothing lands', async ({ page }) => {
	await openImports(page);
	const rowsBefore = await page.getByTestId('import-history').locator('tbody tr').count();
	await upload(page, BAD, await firstSchool(page));
	const errors = page.getByTestId('upload-errors');
	await expect(errors).toContainText('long-h-withdrawn.csv was rejected: 1 problem. Nothing from it was imported.');
	const problem = errors.locator('tbody tr');
	await expect(problem).toHaveCount(1);
	await expect(problem.locator('td').nth(0)).toHaveText('3');
	await expect(problem.locator('td').nth(1)).toHaveText('A873402111013');
	await expect(problem.locator('td').nth(2)).toContainText('code H');
	// announced to screen readers
	await expect(page.getByRole('status').filter({ hasText: 'Line 3:' })).toHaveCount(1);
	await expect(page.getByTestId('import-history').locator('tbody tr')).toHaveCount(rowsBefore);
	await page.screenshot({ path: 'test-results/screenshots/imports-rejected.png', fullPage: true });
});
