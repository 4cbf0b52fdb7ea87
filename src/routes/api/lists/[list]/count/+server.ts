import { respondListCount } from '$lib/server/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => respondListCount(event);
