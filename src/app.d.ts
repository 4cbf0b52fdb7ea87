// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/auth/roles';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in user (set by hooks.server.ts); null when nobody is signed in. */
			user: SessionUser | null;
		}
	}
}
export {};
