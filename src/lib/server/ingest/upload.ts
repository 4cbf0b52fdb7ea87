import { InputError } from '../../catalog/errors';

const MAX_NAME = 200;

/**
 * The original name of an uploaded file, from its x-file-name header (URI-encoded by the browser, since
 * headers carry Latin-1 only): the last path segment, without control characters, at most 200 characters
 * (the extension kept). It is only ever shown and stored as a value, never used as a path. 400 when absent.
 */
export function uploadName(header: string | null): string {
	let text: string;
	try {
		text = decodeURIComponent(header ?? '');
	} catch {
		throw new InputError('x-file-name must be URI-encoded');
	}
	const name = (text.split(/[/\\]/).pop() ?? '')
		.replace(/\s+/g, ' ')
		.replace(/\p{Cc}|\p{Cf}/gu, '')
		.trim();
	if (!name || name === '.' || name === '..') throw new InputError('say the file name in the x-file-name header');
	if (name.length <= MAX_NAME) return name;
	const dot = name.lastIndexOf('.');
	const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
	return `${name.slice(0, MAX_NAME - extension.length - 1)}…${extension}`;
}

/** The school an upload is for, from its x-school header: a URN, or null when not given. 400 otherwise. */
export function uploadSchool(header: string | null): number | null {
	const text = header?.trim() ?? '';
	if (text === '') return null;
	if (!/^\d{1,8}$/.test(text) || Number(text) === 0) throw new InputError('x-school must be a school URN (digits)');
	return Number(text);
}
