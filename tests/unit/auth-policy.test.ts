// The password policy and where a sign-in may send the browser next (pure functions).
import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../src/lib/server/auth/password-policy';
import { COMMON_PASSWORDS } from '../../src/lib/server/auth/common-passwords';
import { safeNextPath } from '../../src/lib/server/auth/login';

describe('passwordProblem', () => {
	it('takes long passwords and passphrases', () => {
		for (const ok of ['copper kettle orchard lamp', 'violet canal thimble', 'Tr0mbone-Harbour-7', 'ñandú pingüino cóndor', 'm9#Kq2!vX7@pLz'])
			expect(passwordProblem(ok, 'head'), ok).toBeNull();
	});

	it(`refuses fewer than ${MIN_PASSWORD_LENGTH} characters (counted as characters, not bytes)`, () => {
		expect(passwordProblem('demo', 'head')).toMatch(/at least 12 characters \(this one has 4\)/);
		expect(passwordProblem('eleven char', 'head')).toMatch(/this one has 11/);
		expect(passwordProblem('🐢🐢🐢🐢🐢🐢', 'head')).toMatch(/this one has 6/);
		expect(passwordProblem('twelve chars', 'head')).toBeNull();
	});

	it('refuses the user name, inside the password too, in any case or spacing', () => {
		for (const bad of ['headteacher-head', 'HEAD the Head head', 'h e a d 2025 h e a d']) expect(passwordProblem(bad, 'head'), bad).toMatch(/user name/);
		expect(passwordProblem('jo.bloggs2025!', 'jo.bloggs')).toMatch(/user name/);
		// a name of one or two letters only when it is the whole password
		expect(passwordProblem('johnson river bank', 'jo')).toBeNull();
	});

	it('refuses common passwords, with digits or symbols around them, leet or repeated', () => {
		for (const bad of ['password1234', 'Password2025!', '!!Welcome2025', 'P@ssw0rd1234', 'qwerty123456', 'iloveyou2024', 'Attendance2025', 'Headteacher1!', 'passwordpassword', 'correct horse battery staple', 'Summer2025!!!', 'L3tm31n!2025'])
			expect(passwordProblem(bad, 'someone'), bad).toMatch(/guessing tries/);
		for (const bad of ['123456789012', 'qwertyuiopas', 'zyxwvutsrqpo', 'asdfghjkl;zx'])
			expect(passwordProblem(bad, 'someone'), bad).toMatch(/run of keys|guessing tries/);
		for (const bad of ['aaaaaaaaaaaa', 'abababababab', '1212121212121']) expect(passwordProblem(bad, 'someone'), bad).toMatch(/different characters/);
	});

	it('the shipped list is lower-case letters and digits, with no repeats', () => {
		expect(COMMON_PASSWORDS.length).toBeGreaterThan(300);
		expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
		// compared with the letters and digits of a password, in lower case: anything else could never match
		for (const p of COMMON_PASSWORDS) expect(p, p).toMatch(/^[a-z0-9]+$/);
	});
});

describe('safeNextPath (next= after signing in)', () => {
	it('keeps a path of this site, with its query', () => {
		for (const ok of ['/', '/overview?year=2024%2F25', '/pupils/A873402110012', '/cohorts/pupils?cohort=fsm%3AFSM%20eligible&school=140001', '/lists/penalty#top'])
			expect(safeNextPath(ok)).toBe(ok);
	});

	it('sends anything else to /', () => {
		const bad = [
			null,
			'',
			'overview',
			'https://evil.example/',
			'//evil.example',
			'/\\evil.example',
			'\\\\evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'/%09/evil.example',
			'/%0a/evil.example',
			'/%0D%0A/evil.example',
			'/%2F/evil.example',
			'/%2f%2fevil.example',
			'/%5Cevil.example',
			'/%5C%5Cevil.example',
			'/ /evil.example',
			'/%20/evil.example',
			'/\u00a0/evil.example',
			'/%E2%80%AE/evil.example',
			'/overview?x=%00',
			'/%E0%A4%A',
			' /overview',
			'/overview ',
			'javascript:alert(1)',
			`/${'a'.repeat(2100)}`
		];
		for (const value of bad) expect(safeNextPath(value), JSON.stringify(value)).toBe('/');
	});
});
