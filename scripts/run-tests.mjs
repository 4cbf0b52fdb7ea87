// npm test: unit and integration tests (Vitest), then the browser tests (Playwright on Debian's
// Chromium, against the built app), and one plain line of totals at the end: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', ...env } }).status;

// A fresh clone: install the packages first (CI's .ci/run has done it already).
if (!existsSync('node_modules/.bin/vitest')) run('npm', ['install', '--no-audit', '--no-fund']);
rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;

// Types: the app, the scripts and the tests (svelte-check runs TypeScript over all of them).
if (run('npx', ['svelte-kit', 'sync']) === 0 && run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error']) === 0) passed++;
else failed++;

run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest-results.json']);
if (existsSync('test-results/vitest-results.json')) {
	const v = JSON.parse(readFileSync('test-results/vitest-results.json', 'utf8'));
	passed += v.numPassedTests;
	// a test file that failed to load has no failed assertions of its own: count it as one failure
	const brokenFiles = v.testResults.filter((r) => r.status === 'failed' && !r.assertionResults.some((a) => a.status === 'failed'));
	failed += v.numFailedTests + brokenFiles.length;
} else failed++;

if (process.env.SKIP_E2E === '1') console.log('Browser tests skipped (SKIP_E2E=1).');
else if (!['/usr/lib/chromium/chromium', '/usr/bin/chromium'].some((p) => existsSync(p))) {
	console.error("Browser tests need Debian's Chromium: apt-get install -y chromium (.ci/run installs it).");
	failed++;
} else {
	if (run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) failed++;
	else {
		run('npx', ['playwright', 'test']);
		if (existsSync('test-results/e2e-results.json')) {
			const p = JSON.parse(readFileSync('test-results/e2e-results.json', 'utf8'));
			passed += p.stats.expected + (p.stats.flaky ?? 0);
			failed += p.stats.unexpected + (p.errors?.length ?? 0);
		} else failed++;
	}
}

const totals = `${passed} passed, ${failed} failed`;
writeFileSync('test-results/totals.txt', `${totals}\n`);
console.log(totals);
process.exit(failed ? 1 : 0);
