// The user command: the first admin from the command line (password from ATTENDANCE_PASSWORD), listing,
// new passwords and removal, each with an audit entry; never the password in the warehouse.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const db = join(mkdtempSync(join(tmpdir(), 'lens-cli-users-')), 'warehouse.duckdb');
const cli = (args: string[], password?: string) =>
	spawnSync('npx', ['tsx', 'scripts/cli.ts', ...args, '--db', db], {
		encoding: 'utf8',
		env: { ...process.env, ATTENDANCE_PASSWORD: password, ATTENDANCE_DB: '' },
		stdio: ['ignore', 'pipe', 'pipe']
	});

async function query(sql: string) {
	const instance = await DuckDBInstance.create(db);
	const conn = await instance.connect();
	try {
		return (await conn.runAndReadAll(sql)).getRowObjectsJS();
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

describe('npm run cli -- user', () => {
	it('adds the first admin, lists, resets and removes accounts', async () => {
		const added = cli(['user', 'add', 'head', '--role', 'admin'], 's3cret passphrase words');
		expect(added.stderr.replace(/npm warn.*\n/g, '')).toBe('');
		expect(added.stdout).toContain('Added head (admin, every school).');
		expect(added.status).toBe(0);
		// without a password to read (no terminal, no ATTENDANCE_PASSWORD): a clear refusal
		const noPassword = spawnSync('npx', ['tsx', 'scripts/cli.ts', 'user', 'add', 'x', '--role', 'admin', '--db', db], {
			encoding: 'utf8',
			env: { ...process.env, ATTENDANCE_PASSWORD: undefined },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		expect(noPassword.status).toBe(1);
		expect(noPassword.stderr).toContain('set ATTENDANCE_PASSWORD');
		// a school role needs its school, which must exist
		const noSchool = cli(['user', 'add', 'gov', '--role', 'governor'], 'pass1');
		expect(noSchool.status).toBe(1);
		expect(noSchool.stderr).toContain('a governor account needs its school (--school URN)');
		expect(cli(['user', 'add', 'gov', '--role', 'governor', '--school', '140001'], 'pass1').stderr).toContain('no school with URN 140001');
		const list = cli(['user', 'list']);
		expect(list.stdout.trim()).toBe('head\tadmin\tall schools\t0 signed-in session(s)');
		expect(cli(['user', 'password', 'head'], 'another passphrase, longer').stdout).toContain('New password set for head');
		expect(cli(['user', 'password', 'nobody'], 'another passphrase, longer').status).toBe(1);
		const users = await query('SELECT * FROM users');
		for (const password of ['s3cret passphrase words', 'another passphrase, longer']) expect(JSON.stringify(users)).not.toContain(password);
		expect(String(users[0].password_hash)).toMatch(/^\$argon2id\$/);
		expect(cli(['user', 'remove', 'head']).stdout).toContain('Removed head.');
		expect(cli(['user', 'list']).stdout).toContain('No users yet');
		const audit = await query("SELECT user_name, action, target FROM audit_log ORDER BY audit_id");
		expect(audit).toEqual([
			{ user_name: 'cli', action: 'add user', target: 'head (admin)' },
			{ user_name: 'cli', action: 'reset password', target: 'head' },
			{ user_name: 'cli', action: 'remove user', target: 'head' }
		]);
	});
});
