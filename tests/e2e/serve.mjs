// Starts the built app on a demo warehouse made for the browser tests: the demo is built into
// test-results/e2e-data/demo.duckdb and copied, so the server (server.duckdb) and the CLI (cli.duckdb)
// each hold the same data in a file of their own (DuckDB lets one process at a time open a file).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';

const dir = 'test-results/e2e-data';
mkdirSync(dir, { recursive: true });
for (const f of ['demo', 'server', 'cli']) rmSync(`${dir}/${f}.duckdb`, { force: true }), rmSync(`${dir}/${f}.duckdb.wal`, { force: true });
execFileSync('npx', ['tsx', 'scripts/cli.ts', 'demo', '--db', `${dir}/demo.duckdb`, '--pupils', '400', '--schools', '2'], { stdio: 'inherit' });
copyFileSync(`${dir}/demo.duckdb`, `${dir}/server.duckdb`);
copyFileSync(`${dir}/demo.duckdb`, `${dir}/cli.duckdb`);
// uploads are streamed to a temp file by the imports endpoint: no body size limit
process.env.BODY_SIZE_LIMIT ??= 'Infinity';
// form actions check the request's origin against the one the server believes it has
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
await import('../../build/index.js');
