// Signing in and out in the browser, and the admin pages: users, the audit log, retention.
import { expect, test, type Browser } from '@playwright/test';

const signedOut = { storageState: { cookies: [], origins: [] } };

async function signInAs(browser: Browser, name: string, password: string) {
	const context = await browser.newContext(signedOut);
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('User name').fill(name);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	return { context, page };
}

test.describe('signing in', () => {
	test.use(signedOut);

	test('a page asks for sign-in first, lists the demo accounts, and returns to the page after', async ({ page }) => {
		await page.goto('/overview?year=2024/25');
		await expect(page).toHaveURL(/\/login\?next=%2Foverview%3Fyear%3D2024%2F25$/);
		await expect(page.getByRole('heading', { name: 'Demo accounts' })).toBeVisible();
		for (const name of ['admin', 'slt', 'officer', 'governor', 'trust']) await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
		await page.getByLabel('User name').fill('admin');
		await page.getByLabel('Password').fill('wrong');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toHaveText('That user name and password do not match an account.');
		await page.getByLabel('Password').fill('demo');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL(/\/overview\?year=2024\/25$/);
		await expect(page.getByText('admin (Admin)')).toBeVisible();
		// the cookie is HTTP-only and SameSite
		const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'lens_session');
		expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect(page).toHaveURL(/\/login$/);
		await page.goto('/');
		await expect(page).toHaveURL(/\/login$/);
	});
});

test('a governor sees aggregates only: no pupil views in the menu, pupil pages refused', async ({ browser }) => {
	const { context, page } = await signInAs(browser, 'governor', 'demo');
	await expect(page.getByText('governor (Governor)')).toBeVisible();
	const nav = page.getByRole('navigation', { name: 'Views' });
	await expect(nav.getByRole('link', { name: 'Overview' })).toBeVisible();
	for (const hidden of ['Pupils', 'Lists', 'Interventions', 'Imports', 'Admin']) await expect(nav.getByRole('link', { name: hidden, exact: true })).toHaveCount(0);
	// the school picker offers only the governor's school
	await expect(page.getByLabel('School').locator('option:not([value=""])')).toHaveCount(1);
	await expect(page.getByLabel('School').locator('option[value=""]')).toHaveCount(0); // no "All schools"

	const response = await page.goto('/pupils');
	expect(response?.status()).toBe(403);
	await page.goto('/codes');
	await expect(page.getByTestId('unresolved-n-unavailable')).toBeVisible();
	await context.close();
});

test('admin: add a user, who signs in; reset the password; remove the user; all in the audit log', async ({ page, browser }) => {
	await page.goto('/admin/users');
	await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
	await expect(page.getByRole('rowheader', { name: 'governor' })).toBeVisible();
	const add = page.locator('form[action="?/add"]');
	await add.getByLabel('User name').fill('clerk');
	await add.getByLabel('Role').selectOption('officer');
	await add.getByRole('checkbox').first().check();
	await add.getByLabel('Password').fill('amber kettle orchard');
	await add.getByRole('button', { name: 'Add user' }).click();
	await expect(page.getByRole('status')).toHaveText('Added clerk.');
	await expect(page.getByRole('rowheader', { name: 'clerk' })).toBeVisible();

	const first = await signInAs(browser, 'clerk', 'amber kettle orchard');
	await expect(first.page.getByText('clerk (Attendance officer)')).toBeVisible();
	await expect(first.page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Pupils' })).toBeVisible();
	expect((await first.page.goto('/admin/users'))?.status()).toBe(403);

	// a new password signs the user out everywhere
	const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'clerk' }) });
	await row.getByLabel('New password for clerk').fill('silver lantern meadow');
	await row.getByRole('button', { name: 'Set' }).click();
	await expect(page.getByRole('status')).toContainText('New password set for clerk');
	await first.page.goto('/');
	await expect(first.page).toHaveURL(/\/login/);
	await first.context.close();
	const second = await signInAs(browser, 'clerk', 'silver lantern meadow');
	await expect(second.page.getByText('clerk (Attendance officer)')).toBeVisible();
	await second.context.close();

	await page.getByRole('button', { name: 'Remove clerk' }).click();
	await expect(page.getByRole('status')).toHaveText('Removed clerk.');
	await expect(page.getByRole('rowheader', { name: 'clerk' })).toHaveCount(0);

	await page.goto('/admin/audit?user=admin');
	for (const action of ['add user', 'reset password', 'remove user'])
		await expect(page.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
});

test("the audit log records who opened which pupil's page, and filters by action", async ({ page }) => {
	await page.goto('/pupils');
	const href = await page.locator('a[href^="/pupils/"]').first().getAttribute('href');
	const upn = /\/pupils\/([A-Z]\d{12})/.exec(href!)![1];
	await page.goto(href!);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.goto('/admin/audit');
	await page.getByLabel('Action').selectOption('open pupil page');
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/action=open\+pupil\+page/);
	const first = page.getByRole('row').nth(1);
	await expect(first).toContainText('admin');
	await expect(first).toContainText(upn);
	// every row is that action
	const actions = await page.locator('tbody tr td:nth-child(4)').allTextContents();
	expect(actions.length).toBeGreaterThan(0);
	expect(new Set(actions)).toEqual(new Set(['open pupil page']));
});

test('retention: the dry run counts by academic year for the period asked', async ({ page }) => {
	await page.goto('/admin/retention');
	await expect(page.getByRole('heading', { name: 'Dry run: 6 years' })).toBeVisible();
	await expect(page.getByText('Nothing is past the period')).toBeVisible();
	await page.getByLabel('Count for another period').fill('2');
	await page.getByRole('button', { name: 'Count' }).click();
	await expect(page).toHaveURL(/years=2/);
	const table = page.getByRole('table', { name: 'What a purge would delete, by academic year' });
	await expect(table.getByRole('cell', { name: '2023/24' }).first()).toBeVisible();
	await expect(page.getByRole('button', { name: 'Purge' })).toBeVisible();
});

test('a governor: every view in the menu renders, with no chart failing and no script error', async ({ browser }) => {
	test.setTimeout(120_000);
	const { context, page } = await signInAs(browser, 'governor', 'demo');
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
	const links = await page.getByRole('navigation', { name: 'Views' }).getByRole('link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
	expect(links.length).toBeGreaterThan(4);
	page.on('console', (m) => m.type() === 'error' && errors.push(`${page.url()}: console: ${m.text().slice(0, 300)}`));
	const problems: string[] = [];
	for (const href of links) {
		const response = await page.goto(href);
		if (response?.status() !== 200) problems.push(`${href}: HTTP ${response?.status()}`);
		await page.waitForLoadState('networkidle');
		const busy = await page.locator('[aria-busy="true"]').count();
		if (busy) await page.waitForTimeout(3000);
		if (await page.locator('[aria-busy="true"]').count()) problems.push(`${href}: a chart never finished loading`);
		for (const failed of await page.locator('[data-state="error"]').allTextContents()) problems.push(`${href}: ${failed.trim().slice(0, 200)}`);
		if (/[A-Z]\d{12}/.test(await page.content())) problems.push(`${href}: a UPN on the page`);
	}
	expect([...problems, ...errors]).toEqual([]);
	await context.close();
});
