import { execFileSync } from 'node:child_process';

/** Runs the CLI on the browser tests' copy of the demo warehouse and parses its JSON output. */
export function cliJson(...args: string[]): unknown {
	const out = execFileSync('npx', ['tsx', 'scripts/cli.ts', ...args, '--db', 'test-results/e2e-data/cli.duckdb', '--format', 'json'], {
		encoding: 'utf8'
	});
	return JSON.parse(out);
}
