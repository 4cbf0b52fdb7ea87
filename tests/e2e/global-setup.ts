// Before the browser tests: the app must be built, and the demo admin signs in once; every spec runs with
// that session (playwright.config.ts use.storageState). Specs that need another role or nobody signed in
// make their own context (see roles.spec.ts).
import { request, type FullConfig } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export const ADMIN_STATE = 'test-results/e2e-auth/admin.json';

export default async function globalSetup(config: FullConfig) {
	if (!existsSync('build/index.js')) throw new Error('Build the app first: npm run build');
	const baseURL = config.projects[0]?.use?.baseURL ?? `http://localhost:${process.env.E2E_PORT ?? 4179}`;
	mkdirSync(dirname(ADMIN_STATE), { recursive: true });
	const context = await request.newContext({ baseURL });
	// form posts must carry the site's own origin (SvelteKit's CSRF check)
	const response = await context.post('/login', { form: { name: 'admin', password: 'demo', next: '/' }, headers: { origin: baseURL, accept: 'text/html' }, maxRedirects: 0 });
	if (response.status() !== 303) throw new Error(`the demo admin could not sign in: HTTP ${response.status()} ${(await response.text()).slice(0, 300)}`);
	await context.storageState({ path: ADMIN_STATE });
	await context.dispose();
}
