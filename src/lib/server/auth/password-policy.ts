// What a new password must be (user add, user password, /admin/users): at least 12 characters, not the
// user name (nor containing it), and not one of the passwords that guessing tries first. Length matters
// most: a few unrelated words ("copper kettle orchard lamp") are long and easy to remember. No rules about
// capitals or symbols (they make passwords harder to remember, not to guess).
import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
/** The sign-in form reads at most this many characters: a longer password could never be typed in. */
export const MAX_PASSWORD_LENGTH = 1000;

const COMMON = new Set(COMMON_PASSWORDS);
/** Runs along the keyboard and the alphabet, both ways: any stretch of them is guessed early. */
const RUNS = ['qwertyuiopasdfghjklzxcvbnm', 'qazwsxedcrfvtgbyhnujmikolp', 'abcdefghijklmnopqrstuvwxyz', '12345678901234567890'].flatMap((r) => [
	r,
	[...r].reverse().join('')
]);
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '@': 'a', $: 's', '!': 'i', '|': 'l', '+': 't' };

/** Letters and digits only, in lower case (spaces, punctuation and symbols dropped). */
const letters = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const unLeet = (text: string): string => [...text.toLowerCase()].map((c) => LEET[c] ?? c).join('');
/** Without the digits and symbols before and after the word(s): 'Password2025!' → 'Password'. */
const core = (text: string): string => text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
/** 'passwordpassword' → 'password'; 'abcabcabc' → 'abc'; otherwise the text itself. */
function unit(text: string): string {
	for (let size = 1; size <= text.length / 2; size++)
		if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text) return text.slice(0, size);
	return text;
}

/** The forms of a password that are looked up among the common ones. */
function forms(password: string): Set<string> {
	const out = new Set<string>();
	for (const text of [letters(password), letters(core(password)), letters(unLeet(password)), letters(unLeet(core(password)))])
		if (text) out.add(text).add(unit(text));
	return out;
}

/** What is wrong with a new password for the account `name`, as the rest of a sentence, or null when it will do. */
export function passwordProblem(password: string, name: string): string | null {
	const length = [...password].length;
	if (length < MIN_PASSWORD_LENGTH)
		return `a password needs at least ${MIN_PASSWORD_LENGTH} characters (this one has ${length}): a few unrelated words, such as "copper kettle orchard lamp", make a good one`;
	if (length > MAX_PASSWORD_LENGTH) return `a password can have at most ${MAX_PASSWORD_LENGTH} characters`;
	if (new Set(password.toLowerCase()).size < 4) return 'a password needs more than a few different characters';
	const user = letters(name);
	const plain = letters(password);
	if (user && (plain === user || (user.length >= 3 && (plain.includes(user) || letters(unLeet(password)).includes(user)))))
		return 'a password must not be, or contain, the user name';
	for (const form of forms(password)) {
		if (COMMON.has(form)) return 'that password is one of the first that guessing tries (a common password, or one with digits or symbols added): choose another, such as a few unrelated words';
		if (form.length >= 4 && RUNS.some((run) => run.includes(form))) return 'a run of keys or letters (qwerty…, abcd…, 1234…) is guessed early: choose another password';
	}
	return null;
}
