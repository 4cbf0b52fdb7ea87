import { respondList } from '$lib/server/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => respondList(event);
