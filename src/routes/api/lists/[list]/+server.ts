import { listResponse } from '$lib/server/datasets/lists';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => listResponse(event);
