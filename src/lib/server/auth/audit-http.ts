// The audit log's view of HTTP answers: whether a write was done (so a refused one is not logged as a
// change), and endpoints whose refusals are themselves worth a trace (uploads).
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { appWarehouse } from '../warehouse/shared';
import { audit } from './audit';

const isJson = (response: Response) => (response.headers.get('content-type') ?? '').startsWith('application/json');

/**
 * Whether a write's answer says it was done: a status under 400 and, for a form action posted by
 * JavaScript (answered 200 with {"type": "failure", "status": 400, …}), not a failure.
 */
export async function changeDone(request: Request, response: Response): Promise<boolean> {
	if (response.status >= 400) return false;
	const action = request.headers.get('x-sveltekit-action') === 'true' || (request.headers.get('accept') ?? '').includes('application/json');
	if (request.method !== 'POST' || !action || !isJson(response)) return true;
	try {
		const body = (await response.clone().json()) as { type?: unknown } | null;
		return !(body && typeof body === 'object' && (body.type === 'failure' || body.type === 'error'));
	} catch {
		return true;
	}
}

/** The text of a refusal's answer (its JSON `message`, else its first characters). */
async function messageOf(response: Response): Promise<string> {
	const text = await response
		.clone()
		.text()
		.catch(() => '');
	if (isJson(response))
		try {
			const body = JSON.parse(text) as { message?: unknown };
			if (typeof body?.message === 'string') return body.message;
		} catch {
			// not JSON after all
		}
	return text.slice(0, 300);
}

function clientAddress(event: RequestEvent): string | null {
	try {
		return event.getClientAddress();
	} catch {
		return null;
	}
}

/**
 * An endpoint whose refusals are audited: an answer of 400 or more, returned or thrown (SvelteKit's
 * `error`), is logged under `action` with the signed-in user, `target(event)`, the status and the
 * message, and then goes out as before. (Its successes are the route policy's to audit.)
 */
export function auditRefusals<E>(action: string, target: (event: NoInfer<E>) => string, handler: (event: E) => Promise<Response>): (event: E) => Promise<Response> {
	return async (event: E): Promise<Response> => {
		const log = async (status: number, message: string) => {
			const user = (event as Partial<RequestEvent>).locals?.user;
			if (!user) return;
			await audit(await appWarehouse(), user, action, `${target(event)}: ${status} ${message}`.slice(0, 1000), clientAddress(event as RequestEvent));
		};
		let response: Response;
		try {
			response = await handler(event);
		} catch (e) {
			if (isHttpError(e)) await log(e.status, e.body.message);
			throw e;
		}
		if (response.status >= 400) await log(response.status, await messageOf(response));
		return response;
	};
}
