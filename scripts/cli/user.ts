// user add|list|remove|password: sign-in accounts of the web app.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { addUser, listUsers, parseSchoolList, removeUser, setPassword } from '../../src/lib/server/auth/users';
import { audit } from '../../src/lib/server/auth/audit';
import type { CliValues } from './common';
import { openWarehouse } from './common';

/** The password: ATTENDANCE_PASSWORD, else asked for twice on the terminal (not echoed). */
async function readPassword(): Promise<string> {
	const fromEnv = process.env.ATTENDANCE_PASSWORD;
	if (fromEnv !== undefined) return fromEnv;
	if (!process.stdin.isTTY) throw new Error('set ATTENDANCE_PASSWORD, or run this on a terminal to be asked for the password');
	const ask = async (prompt: string) => {
		let muted = false;
		const output = new Writable({
			write(chunk, _encoding, done) {
				if (!muted) process.stdout.write(chunk);
				done();
			}
		});
		const rl = createInterface({ input: process.stdin, output, terminal: true });
		try {
			return await new Promise<string>((resolve) => {
				rl.question(prompt, (answer) => resolve(answer));
				muted = true;
			});
		} finally {
			rl.close();
			process.stdout.write('\n');
		}
	};
	const first = await ask('Password: ');
	const second = await ask('Password again: ');
	if (first !== second) throw new Error('the two passwords differ');
	return first;
}

export async function mainUser(positionals: string[], values: CliValues): Promise<number> {
	const [action, name] = positionals;
	const db = values.db as string | undefined;
	if (action === 'list') {
		const warehouse = await openWarehouse(db);
		const users = await listUsers(warehouse);
		if (users.length === 0) console.log('No users yet: npm run cli -- user add NAME --role admin');
		for (const u of users)
			console.log(`${u.name}\t${u.role}\t${u.schools === null ? 'all schools' : `schools ${u.schools}`}${u.role === 'trust' ? (u.pupil_access ? '\tpupil-level access' : '\taggregates only') : ''}\t${u.sessions} signed-in session(s)`);
		return 0;
	}
	if (!name || !['add', 'remove', 'password'].includes(action ?? '')) {
		console.error('usage: user add NAME --role ROLE [--school URN[,URN…]] [--pupil-access] | user list | user remove NAME | user password NAME');
		return 2;
	}
	if (action === 'add') {
		if (typeof values.role !== 'string') {
			console.error('user add needs --role governor|slt|officer|trust|admin');
			return 2;
		}
		const schools = parseSchoolList(values.school as string | undefined);
		const password = await readPassword();
		const warehouse = await openWarehouse(db);
		const user = await addUser(warehouse, { name, role: values.role, schools, pupilAccess: !!values['pupil-access'], password });
		await audit(warehouse, 'cli', 'add user', `${name} (${user.role}${user.schools ? `, schools ${user.schools.join(', ')}` : ''})`);
		await warehouse.checkpoint();
		console.log(`Added ${name} (${user.role}${user.schools ? `, schools ${user.schools.join(', ')}` : ', every school'}).`);
		return 0;
	}
	if (action === 'remove') {
		const warehouse = await openWarehouse(db);
		if (!(await removeUser(warehouse, name))) {
			console.error(`There is no user '${name}'.`);
			return 1;
		}
		await audit(warehouse, 'cli', 'remove user', name);
		await warehouse.checkpoint();
		console.log(`Removed ${name}.`);
		return 0;
	}
	const password = await readPassword();
	const warehouse = await openWarehouse(db);
	if (!(await setPassword(warehouse, name, password))) {
		console.error(`There is no user '${name}'.`);
		return 1;
	}
	await audit(warehouse, 'cli', 'reset password', name);
	await warehouse.checkpoint();
	console.log(`New password set for ${name}; any sessions of ${name} are signed out.`);
	return 0;
}
