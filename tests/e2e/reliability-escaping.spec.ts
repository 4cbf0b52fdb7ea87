// Pupil names are data: a pupil named `=HYPERLINK(…)` with the surname `<img src=x onerror=…>`
// shows as that text on the pupil page, in pupil search and in a casework list, never as HTML, and the
// list's CSV neutralises the formula. A built server of its own on port 4186 and a copy of the demo.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { ROOT } from '../integration/reliability-register';
import { demoCopy, killServer, signIn, startServer, type Server } from './reliability-server';

const PORT = 4186;
const FORENAME = '=HYPERLINK("http://evil.example","Click")';
const SURNAME = '<img src=x onerror="window.__xss=1">';
const exec = promisify(execFile);
const cli = async (...args: string[]) => (await exec('npx', ['tsx', 'scripts/cli.ts', ...args], { cwd: ROOT })).stdout;

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

let server: Server | undefined;
let upn: string;
let school: string;
let db: string;

test.beforeAll(async () => {
	db = demoCopy('lens-e2e-escaping-');
	// a pupil of the bands list (every pupil with a possible session is in a band)
	const schools = JSON.parse(await cli('report', 'summary', '--db', db, '--format', 'json'));
	expect(schools.pupils).toBeGreaterThan(0);
	const bands = JSON.parse(await cli('report', 'bands', '--db', db, '--format', 'json')) as { upn: string; school_urn: number }[];
	({ upn } = bands[0]);
	school = String(bands[0].school_urn);
	const pupils = join(dirname(db), 'names.csv');
	const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
	writeFileSync(pupils, `UPN,Forename,Surname\n${upn},${quoted(FORENAME)},${quoted(SURNAME)}\n`);
	expect(await cli('import', pupils, '--school', school, '--db', db)).toMatch(/1 amended/);
	server = await startServer(PORT, db);
});

test.afterAll(async () => {
	if (server) await killServer(server);
	rmSync(dirname(db), { recursive: true, force: true });
});

async function signedInPage(page: Page) {
	const cookie = await signIn(server!.origin);
	await page.context().clearCookies();
	await page.context().addCookies(
		cookie
			.split('; ')
			.filter(Boolean)
			.map((c) => ({ name: c.slice(0, c.indexOf('=')), value: c.slice(c.indexOf('=') + 1), url: server!.origin }))
	);
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	return dialogs;
}

/** The name shows as its own text, and no element came of it. */
async function expectText(page: Page) {
	await expect(page.getByText(SURNAME, { exact: false }).first()).toBeVisible();
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
}

test('the name is text on the pupil page, in pupil search and in a list; the list CSV neutralises the formula', async ({ page }) => {
	const dialogs = await signedInPage(page);

	await page.goto(`${server!.origin}/pupils/${upn}?school=${school}`);
	await expectText(page);
	await expect(page.getByText(FORENAME, { exact: false }).first()).toBeVisible();

	await page.goto(`${server!.origin}/pupils?school=${school}&q=${encodeURIComponent('HYPERLINK')}`);
	await expectText(page);

	await page.goto(`${server!.origin}/lists/bands?school=${school}`);
	await expectText(page);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download CSV/ }).click()]);
	const csv = readFileSync((await download.path())!, 'utf8');
	const line = csv.split('\n').find((l) => l.startsWith(upn));
	expect(line).toBeDefined();
	// the name (forename first) is written with a leading ' (RFC 4180 quoted), the HTML as text; no
	// cell of the line starts a formula
	expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"") <img src=x onerror=""window.__xss=1"">"`);
	expect(line).not.toMatch(/(^|,)"?[=+@]/);
	expect(dialogs).toEqual([]);
});
