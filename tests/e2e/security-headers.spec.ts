// The security headers over HTTP against the built app (a server of its own), and the app under its
// Content-Security-Policy in Chromium: pages, charts and styles render, a chart saves as PNG, and the
// browser reports no violation; next= only to this site; a form action's failure not audited as a change.
// Signed in as the demo admin.
import { expect, test } from '@playwright/test';
import { demoCopy, killServer, signIn, startServer, type Server } from './reliability-server';

const PORT = 4191;
let server: Server;
let cookie: string;
let upn: string;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	server = await startServer(PORT, demoCopy('lens-headers-'));
	cookie = await signIn(server.origin);
	const pupils = await (await fetch(`${server.origin}/pupils`, { headers: { cookie } })).text();
	upn = /\/pupils\/([A-Z]\d{12})/.exec(pupils)![1];
});

test.afterAll(async () => {
	if (server) await killServer(server);
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.origin}${path}`, { headers: { cookie, ...headers }, redirect: 'manual' });

function expectSecure(response: Response, what: string) {
	const h = response.headers;
	expect(h.get('x-frame-options'), what).toBe('DENY');
	expect(h.get('x-content-type-options'), what).toBe('nosniff');
	expect(h.get('referrer-policy'), what).toBe('same-origin');
	expect(h.get('cache-control'), what).toBe('no-store');
	const csp = h.get('content-security-policy') ?? '';
	expect(csp, what).toContain("frame-ancestors 'none'");
	expect(csp, what).toMatch(/default-src '(self|none)'/);
	// nothing may load from another site: no scheme-and-host source, no wildcard
	expect(csp, what).not.toMatch(/https?:|\*|wss?:/);
	return csp;
}

test('pages, a pupil page, a data answer and a download carry the security headers', async () => {
	const page = await get('/overview');
	expect(page.status).toBe(200);
	const csp = expectSecure(page, 'the Overview page');
	// SvelteKit's own inline start-up script runs by nonce; no 'unsafe-inline' or 'unsafe-eval' for scripts
	expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(csp).not.toMatch(/script-src[^;]*unsafe/);
	const nonce = /'nonce-([^']+)'/.exec(csp)![1];
	expect(await page.text()).toContain(`nonce="${nonce}"`);

	const pupil = await get(`/pupils/${upn}`);
	expect(pupil.status).toBe(200);
	expectSecure(pupil, 'a pupil page');
	for (const path of ['/pupils', '/cohorts/pupils?cohort=sex%3AFemale', '/lists/penalty', '/interventions', '/parents']) {
		const response = await get(path);
		expect(response.status, path).toBeLessThan(500);
		expectSecure(response, path);
	}

	const data = await get('/api/summary/totals');
	expect(data.status).toBe(200);
	expect(data.headers.get('content-type')).toContain('arrow');
	expect(expectSecure(data, 'a data answer')).toContain("default-src 'none'");

	const download = await get('/exports/la?format=csv');
	expect(download.status).toBe(200);
	expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
	expectSecure(download, 'a download');

	// signed out: the sign-in page too, and the redirect to it carries no page
	const login = await fetch(`${server.origin}/login`);
	expectSecure(login, 'the sign-in page');
	expect((await fetch(`${server.origin}/pupils/${upn}`, { redirect: 'manual' })).status).toBe(303);
});

test('sign-in sends the browser only to a path of this site', async () => {
	for (const next of ['/%09/evil.example', '//evil.example', '/\\evil.example', 'https://evil.example/']) {
		const response = await fetch(`${server.origin}/login`, {
			method: 'POST',
			body: new URLSearchParams({ name: 'admin', password: 'demo', next }),
			headers: { origin: server.origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			redirect: 'manual'
		});
		expect(response.status, next).toBe(303);
		expect(response.headers.get('location'), next).toBe('/');
	}
});

test('under the CSP, Chromium draws the charts and the app’s styles, saves a chart as PNG, and reports no violation', async ({ browser }) => {
	test.setTimeout(120_000);
	const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, acceptDownloads: true });
	const [name, value] = cookie.split(';')[0].split('=');
	await context.addCookies([{ name, value, url: server.origin }]);
	await context.addInitScript(() => {
		const w = window as unknown as { violations: string[] };
		w.violations = [];
		document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
	});
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text().slice(0, 300)}`));
	page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
	page.on('request', (r) => !r.url().startsWith(server.origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:') && problems.push(`request to ${r.url()}`));

	for (const path of ['/overview', `/pupils/${upn}`, '/patterns']) {
		await page.goto(`${server.origin}${path}`);
		await page.waitForLoadState('networkidle');
		await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
		expect(await page.locator('[data-state="error"]').count(), path).toBe(0);
		// Plot's charts are drawn, with their own inline styles
		const chart = page.locator('figure svg, .chart svg, svg[aria-label]').first();
		await expect(chart, path).toBeVisible();
		expect(await chart.locator('rect, path, circle, line').count(), path).toBeGreaterThan(0);
		// the app's stylesheets load and apply (the page is not unstyled)
		expect(await page.evaluate(() => Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0)), path).toBeGreaterThan(20);
		const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
		expect(violations, path).toEqual([]);
	}

	// a chart saved as PNG is drawn from a blob: URL (img-src blob:)
	await page.goto(`${server.origin}/overview`);
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Chart (PNG)' }).first().click()]);
	expect(download.suggestedFilename()).toMatch(/\.png$/);
	expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
	expect(problems).toEqual([]);
	await context.close();
});

test('a form action refused with fail(400) is not in the audit log as a change; one that is done is', async () => {
	const changes = async () => {
		const html = await (await get('/admin/audit?action=change+users')).text();
		return Number(/(\d+) entr(?:y|ies)/.exec(html)![1]);
	};
	// the admin page's form, sent as its JavaScript sends it: SvelteKit answers 200 with the result inside
	const add = (password: string) =>
		fetch(`${server.origin}/admin/users?/add`, {
			method: 'POST',
			body: new URLSearchParams({ name: 'clerk2', role: 'trust', password }),
			headers: { cookie, origin: server.origin, accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' }
		});
	const before = await changes();
	const refused = await add('short');
	expect(refused.status).toBe(200);
	expect(await refused.json()).toMatchObject({ type: 'failure', status: 400 });
	expect(await changes()).toBe(before);
	const done = await add('plum harbour teapot');
	expect(await done.json()).toMatchObject({ type: 'success' });
	expect(await changes()).toBe(before + 1);
});
