import { impactResponse } from '$lib/server/datasets/impact';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => impactResponse(event, event.params.dataset);
