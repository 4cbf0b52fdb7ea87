// A small hand-built register for the governors' pack and the reports to parents: one secondary school,
// twelve Year 7 pupils (born 15 Jan 2013), the 2024/25 Autumn half-terms from imported term dates
// (Autumn 1: 2 Sep – 18 Oct 2024; Autumn 2: 4 Nov – 20 Dec 2024). Five school days in each: Mon 2 – Fri 6
// Sep and Mon 4 – Fri 8 Nov, so each pupil has 10 possible sessions a half-term and the school 120.
// Unlisted marks are present (/ AM, \ PM). FSM: P1–P3 (3 pupils, under the threshold of 5); girls P1–P6,
// boys P7–P12.
//
// Autumn 1: P1 O O Mon, O O Tue (4 unauthorised); P2 I I Mon (2 authorised); P7 I Mon AM (1); P8 I I Mon, Tue,
//   Wed (6 authorised); P9 M Tue AM (1 authorised).
// Autumn 2: P1 O O Mon (2 unauthorised); P8 I I Mon (2 authorised); P10 G G Tue (2 unauthorised); P11 U Wed AM
//   (late after the register closed: 1 unauthorised); P12 L Thu AM (late before it closed: present);
//   P3 I Fri AM (1 authorised). The register stops on Fri 8 Nov, so Autumn 2 is in progress.
import { upn } from '../helpers/upn';

export const URN = 100001;
export const PUPILS = Array.from({ length: 12 }, (_, i) => upn(`8734001400${String(i + 1).padStart(2, '0')}`));
const [P1, P2, P3, , , , P7, P8, P9, P10, P11, P12] = PUPILS;
export { P1, P2, P3, P7, P8, P9, P10, P11, P12 };

const AUTUMN_1 = ['2024-09-02', '2024-09-03', '2024-09-04', '2024-09-05', '2024-09-06'];
const AUTUMN_2 = ['2024-11-04', '2024-11-05', '2024-11-06', '2024-11-07', '2024-11-08'];

/** The marks that are not present: pupil → date → [AM, PM]. */
const ABSENCES: Record<string, Record<string, [string, string]>> = {
	[P1]: { '2024-09-02': ['O', 'O'], '2024-09-03': ['O', 'O'], '2024-11-04': ['O', 'O'] },
	[P2]: { '2024-09-02': ['I', 'I'] },
	[P3]: { '2024-11-08': ['I', '\\'] },
	[P7]: { '2024-09-02': ['I', '\\'] },
	[P8]: { '2024-09-02': ['I', 'I'], '2024-09-03': ['I', 'I'], '2024-09-04': ['I', 'I'], '2024-11-04': ['I', 'I'] },
	[P9]: { '2024-09-03': ['M', '\\'] },
	[P10]: { '2024-11-05': ['G', 'G'] },
	[P11]: { '2024-11-06': ['U', '\\'] },
	[P12]: { '2024-11-07': ['L', '\\'] }
};

export function register(): string {
	const lines: string[] = [];
	for (const date of [...AUTUMN_1, ...AUTUMN_2])
		for (const p of PUPILS) {
			const [am, pm] = ABSENCES[p]?.[date] ?? ['/', '\\'];
			lines.push(`${URN},${p},${date},AM,${am}`, `${URN},${p},${date},PM,${pm}`);
		}
	return `URN,UPN,Date,Session,Mark\n${lines.join('\n')}\n`;
}

export const SCHOOLS = `URN,Name,LA,Estab,Phase\n${URN},Rowan Academy,873,4001,Secondary\n`;

export function pupils(): string {
	const rows = PUPILS.map((p, i) => `${p},Pupil${i + 1},Surname${String(i + 1).padStart(2, '0')},${i < 6 ? 'F' : 'M'},2013-01-15,${i < 3 ? 'Y' : 'N'}`);
	return `UPN,Forename,Surname,Sex,DateOfBirth,FSM\n${rows.join('\n')}\n`;
}

export const TERM_DATES = `academic_year,term,half_term,start_date,end_date
2024/25,Autumn,Autumn 1,2024-09-02,2024-10-18
2024/25,Autumn,Autumn 2,2024-11-04,2024-12-20
`;
