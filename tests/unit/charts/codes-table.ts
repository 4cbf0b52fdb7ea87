// The national code table's meanings and categories (sql/schema/001_codes.sql) for the codes the chart
// fixtures use, so that their rows carry the same words the datasets join from `codes`.
const TABLE: Record<string, [string, string]> = {
	'/': ['Present (AM)', 'present'],
	'\\': ['Present (PM)', 'present'],
	L: ['Late before registers closed', 'present'],
	P: ['Participating in a sporting activity', 'aea'],
	B: ['Attending any other approved educational activity', 'aea'],
	M: ['Medical or dental appointment', 'authorised'],
	S: ['Leave of absence to sit a public examination / study leave', 'authorised'],
	C: ['Leave of absence for exceptional circumstances', 'authorised'],
	I: ['Illness (not medical or dental appointment)', 'authorised'],
	E: ['Suspended or permanently excluded and no alternative provision made', 'authorised'],
	H: ['Holiday authorised by the school (pre-2024 code set)', 'authorised'],
	G: ['Holiday not authorised by the school', 'unauthorised'],
	N: ['Reason for absence not yet provided', 'unauthorised'],
	O: ['Absent in other or unknown circumstances', 'unauthorised'],
	U: ['Arrived in school after registers closed', 'unauthorised'],
	X: ['Not required to attend: non-compulsory school age', 'not_possible'],
	'#': ['Planned whole or partial school closure', 'not_possible']
};

/** A code with its meaning and category, as the datasets give them. */
export function code(c: string): { code: string; meaning: string; category: string } {
	const found = TABLE[c];
	if (!found) throw new Error(`no code ${c} in the fixtures' code table`);
	return { code: c, meaning: found[0], category: found[1] };
}
