import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium (apt-get install -y chromium): Playwright's own browser download cannot work here.
const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
const port = Number(process.env.E2E_PORT ?? 4179);

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/e2e',
	timeout: 60_000,
	workers: 1,
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
	globalSetup: './tests/e2e/global-setup.ts',
	use: {
		baseURL: `http://localhost:${port}`,
		// signed in as the demo admin (tests/e2e/global-setup.ts)
		storageState: 'test-results/e2e-auth/admin.json',
		timezoneId: 'Europe/London',
		locale: 'en-GB',
		launchOptions: {
			executablePath,
			args: ['--lang=en-GB', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	webServer: {
		command: `node tests/e2e/serve.mjs`,
		port,
		timeout: 180_000,
		reuseExistingServer: false,
		env: { PORT: String(port), ATTENDANCE_DB: 'test-results/e2e-data/server.duckdb', TZ: 'UTC' }
	}
});
