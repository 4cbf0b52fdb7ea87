// npm test: unit and integration tests (Vitest), then the browser tests (Playwright on Debian's
// Chromium, against the built app), and one plain line of totals at the end: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', ...env } }).status;
let passed = 0;
let failed = 0;

run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest-results.json']);
if (existsSync('test-results/vitest-results.json')) {
	const v = JSON.parse(readFileSync('test-results/vitest-results.json', 'utf8'));
	passed += v.numPassedTests;
	failed += v.numFailedTests + (v.numTotalTestSuites && v.testResults.some((r) => r.status === 'failed' && r.assertionResults.length === 0) ? 1 : 0);
} else failed++;

if (process.env.SKIP_E2E !== '1') {
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

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
