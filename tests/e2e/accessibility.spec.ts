import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';

// axe is injected as a script of the test's own: the app's CSP (rightly) refuses scripts it did not send
test.use({ bypassCSP: true });

// WCAG 2.2 AA checks by axe-core on every view, once its charts have loaded. axe finds what a machine
// can find (contrast, names, labels, structure); keyboard use is covered by the views' own tests.
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const VIEWS = ['/', '/overview', '/cohorts', '/patterns', '/codes', '/lists', '/lists/penalty', '/pupils', '/imports', '/pack', '/parents', '/exports', '/interventions', '/interventions/types', '/impact', '/admin', '/admin/users', '/admin/audit', '/admin/retention'];

interface Violation {
	id: string;
	impact: string;
	help: string;
	nodes: { target: string[] }[];
}

test('a pupil page has no WCAG 2.2 A or AA violations that axe can find', async ({ page }) => {
	await page.goto('/pupils');
	const href = await page.locator('a[href^="/pupils/"]').first().getAttribute('href');
	expect(href).toBeTruthy();
	await checkPage(page, href!);
});

async function checkPage(page: import('@playwright/test').Page, view: string) {
	await page.goto(view);
	await page.waitForLoadState('networkidle');
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
	await page.addScriptTag({ path: axePath });
	const violations = (await page.evaluate(async () => {
		// @ts-expect-error axe is the global the script tag defines
		const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
		return result.violations;
	})) as Violation[];
	const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
	expect(summary).toEqual([]);
}

for (const view of VIEWS) {
	test(`${view} has no WCAG 2.2 A or AA violations that axe can find`, async ({ page }) => {
		await checkPage(page, view);
	});
}

test.describe('signed out', () => {
	test.use({ storageState: { cookies: [], origins: [] } });
	test('/login has no WCAG 2.2 A or AA violations that axe can find', async ({ page }) => {
		await checkPage(page, '/login');
		await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	});
});
