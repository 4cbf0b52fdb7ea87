/** A valid UPN for 12 digits: the check letter is sum(digit × position 2..13) mod 23 in ABCDEFGHJKLMNPQRTUVWXYZ. */
export function upn(digits: string): string {
	let sum = 0;
	for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (i + 2);
	return 'ABCDEFGHJKLMNPQRTUVWXYZ'[sum % 23] + digits;
}
