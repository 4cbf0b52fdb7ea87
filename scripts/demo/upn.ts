// Unique Pupil Numbers: a check letter followed by 12 digits
// (LA code, establishment number, two-digit year of allocation, three-digit serial).

const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** The check letter for the 12 digits of a UPN: sum of digit × position (2…13), mod 23. */
export function upnCheckLetter(digits: string): string {
	let sum = 0;
	for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (i + 2);
	return CHECK_LETTERS[sum % 23];
}

export function isValidUpn(upn: string): boolean {
	return /^[A-Z]\d{12}$/.test(upn) && upn[0] === upnCheckLetter(upn.slice(1));
}

/** Hands out UPNs, never the same one twice across the trust. */
export class UpnAllocator {
	private nextSerial = new Map<string, number>();

	allocate(la: string, estab: string, yearOfAllocation: number): string {
		const yy = String(yearOfAllocation % 100).padStart(2, '0');
		let key = `${la}${estab}${yy}`;
		let serial = this.nextSerial.get(key) ?? 1;
		// A very large cohort overflows three digits: move to the next establishment number.
		while (serial > 999) {
			estab = String((Number(estab) % 9999) + 1).padStart(4, '0');
			key = `${la}${estab}${yy}`;
			serial = this.nextSerial.get(key) ?? 1;
		}
		this.nextSerial.set(key, serial + 1);
		const digits = `${key}${String(serial).padStart(3, '0')}`;
		return upnCheckLetter(digits) + digits;
	}
}
