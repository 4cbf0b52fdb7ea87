import { describe, expect, it } from 'vitest';
import { importFile, ImportRejected } from '../../src/lib/server/ingest';
import { runReport } from '../../src/lib/server/reports';
import { freshWarehouse, rows, tempFile } from '../helpers/warehouse';
import { upn } from '../helpers/upn';

const PUPIL = upn('873402124001');

/** A CTF for one pupil whose marks string starts on Monday 2 September 2024. */
function ctf(marks: string, totals: { possible: number; attended: number; authorised: number; unauthorised: number }) {
	return `<?xml version="1.0" encoding="UTF-8"?>
<CTfile>
  <Header>
    <CTFversion>24.0</CTFversion>
    <SourceSchool><LEA>873</LEA><Estab>4021</Estab><URN>140512</URN><SchoolName>Sample Academy</SchoolName></SourceSchool>
  </Header>
  <CTFpupilData>
    <Pupil>
      <UPN>${PUPIL}</UPN>
      <Surname>Khan</Surname>
      <Forename>Amira</Forename>
      <Attendance>
        <YearData>
          <Year>2024</Year><LEA>873</LEA><Estab>4021</Estab>
          <SessionsPossible>${totals.possible}</SessionsPossible>
          <SessionsAuthorised>${totals.authorised}</SessionsAuthorised>
          <SessionsAttended>${totals.attended}</SessionsAttended>
          <SessionsUnauthorised>${totals.unauthorised}</SessionsUnauthorised>
          <AttendSessions>
            <AttendanceStartDate>2024-09-02</AttendanceStartDate>
            <AttendanceMarks>${marks}</AttendanceMarks>
          </AttendSessions>
        </YearData>
      </Attendance>
    </Pupil>
  </CTFpupilData>
</CTfile>
`;
}

// Mon / \ ; Tue Y4 Y4 (site closed: not possible) ; Wed J1 \ ; Thu C2 C2 ; Fri / N ; Sat, Sun no session
// possible 8 (all but the two Y4); attended 4 (/ \ on Mon, \ on Wed, / on Fri); authorised 3 (J1, C2, C2);
// unauthorised 1 (N)
const WEEK = '/\\Y4Y4J1\\C2C2/N####';

describe('a CTF carrying the two-character 2024 codes', () => {
	it('decodes one mark per session and checks it against the totals', async () => {
		const w = await freshWarehouse();
		const result = await importFile(w, tempFile('ctf-2024.xml', ctf(WEEK, { possible: 8, attended: 4, authorised: 3, unauthorised: 1 })));
		expect(result.added).toBe(10);
		const marks = await rows(w, "SELECT strftime(date, '%a') AS day, session::VARCHAR AS session, code::VARCHAR AS code FROM marks ORDER BY date, session");
		expect(marks.map((m) => `${m.day} ${m.session} ${m.code}`)).toEqual([
			'Mon AM /', 'Mon PM \\', 'Tue AM Y4', 'Tue PM Y4', 'Wed AM J1', 'Wed PM \\', 'Thu AM C2', 'Thu PM C2', 'Fri AM /', 'Fri PM N'
		]);
		const { rows: pupils } = await runReport(w, 'pupils', { from: '2024-09-01', to: '2024-09-30' });
		expect(pupils).toEqual([
			{ upn: PUPIL, possible_sessions: 8, present_sessions: 4, aea_sessions: 0, authorised_sessions: 3, unauthorised_sessions: 1, absence_rate: 0.5, persistent: true, severe: true }
		]);
	});

	it('rejects the file, naming the pupil, when the marks and the totals disagree', async () => {
		const w = await freshWarehouse();
		const error = await importFile(w, tempFile('ctf-2024.xml', ctf(WEEK, { possible: 10, attended: 4, authorised: 3, unauthorised: 1 }))).catch((e) => e);
		expect(error).toBeInstanceOf(ImportRejected);
		expect((error as ImportRejected).problems).toEqual([
			{ line: 9, pupil: PUPIL, // the line of the pupil's <UPN>
			  reason: 'the marks do not add up to the totals: SessionsPossible is 10 but the marks give 8' }
		]);
		expect(await rows(w, 'SELECT count(*) AS n FROM marks')).toEqual([{ n: 0 }]);
	});
});
