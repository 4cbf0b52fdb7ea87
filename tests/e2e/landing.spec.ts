// Each role lands on its job after signing in (when no page asked for sign-in): an attendance officer on today's
// first-day calls for their school, a governor on the Overview, an admin on the Summary.
import { expect, test } from '@playwright/test';

test.use({ storageState: { cookies: [], origins: [] } });

for (const [name, path] of [['officer', /\/lists\/daily\?school=\d+$/], ['governor', /\/overview(\?school=\d+)?$/], ['admin', /\/(\?.*)?$/]] as const)
	test(`${name} lands on ${path.source}`, async ({ page }) => {
		await page.goto('/login');
		await page.getByLabel('User name').fill(name);
		await page.getByLabel('Password').fill('demo');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL(path);
		await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
	});

test('a page that asked for sign-in is still where sign-in returns', async ({ page }) => {
	await page.goto('/codes');
	await page.getByLabel('User name').fill('officer');
	await page.getByLabel('Password').fill('demo');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/codes(\?school=\d+)?$/);
});
