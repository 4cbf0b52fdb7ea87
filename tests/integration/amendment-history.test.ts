import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { freshWarehouse, rows, tempFile } from '../helpers/warehouse';
import { upn } from '../helpers/upn';

const A = upn('873400126001');

describe('the history of a mark', () => {
	it('keeps every code a session has had, with the import, reason and author of each change', async () => {
		const w = await freshWarehouse();
		const first = await importFile(w, tempFile('register.csv', `UPN,Date,Session,Mark,Minutes Late\n${A},2025-03-03,AM,N,\n${A},2025-03-03,PM,L,10\n`), { school: 100001 });
		const second = await importFile(
			w,
			tempFile('amend-1.csv', `UPN,Date,Session,Mark,Reason,Amended By\n${A},2025-03-03,AM,O,No reason given after 5 days,J Patel\n`),
			{ school: 100001 }
		);
		const third = await importFile(
			w,
			tempFile('amend-2.csv', `Pupil UPN,Session Date,AM/PM,Code,Comment,Changed By\n${A},03/03/2025,A,I,Doctor's note received,R Evans\n`),
			{ school: 100001 }
		);
		// a file without minutes late leaves the minutes held on the late mark alone
		const fourth = await importFile(w, tempFile('again.csv', `UPN,Date,Session,Mark\n${A},2025-03-03,PM,L\n`), { school: 100001 });
		expect([second.amended, third.amended, fourth.unchanged]).toEqual([1, 1, 1]);

		const history = await rows(
			w,
			`SELECT previous_code::VARCHAR AS previous, previous_import_id, new_code::VARCHAR AS new, import_id, reason, author
			FROM mark_history ORDER BY import_id`
		);
		expect(history).toEqual([
			{ previous: 'N', previous_import_id: first.importId, new: 'O', import_id: second.importId, reason: 'No reason given after 5 days', author: 'J Patel' },
			{ previous: 'O', previous_import_id: second.importId, new: 'I', import_id: third.importId, reason: "Doctor's note received", author: 'R Evans' }
		]);
		expect(await rows(w, "SELECT session::VARCHAR AS s, code::VARCHAR AS c, minutes_late AS m, import_id FROM marks ORDER BY s")).toEqual([
			{ s: 'AM', c: 'I', m: null, import_id: third.importId },
			{ s: 'PM', c: 'L', m: 10, import_id: first.importId }
		]);
	});
});
