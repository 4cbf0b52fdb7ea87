// How the generator counts a mark: possible sessions leave out the "not possible" codes; absence
// is any authorised or unauthorised code (present and approved educational activity are not).

export const NOT_POSSIBLE_CODES = ['#', 'Y', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'D', 'X', 'Z', 'Q'];
export const ATTENDING_CODES = ['/', '\\', 'L', 'V', 'P', 'W', 'B', 'K', 'J'];
export const AUTHORISED_CODES = ['I', 'M', 'R', 'S', 'E', 'C', 'T', 'H', 'C1', 'C2', 'J1'];
export const UNAUTHORISED_CODES = ['G', 'N', 'O', 'U'];

const notPossible = new Set(NOT_POSSIBLE_CODES);
const absence = new Set([...AUTHORISED_CODES, ...UNAUTHORISED_CODES]);

export function isPossible(code: string): boolean {
	return !notPossible.has(code);
}

export function isAbsence(code: string): boolean {
	return absence.has(code);
}
