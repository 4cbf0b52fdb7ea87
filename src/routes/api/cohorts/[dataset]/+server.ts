import { respondDataset } from '$lib/server/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => respondDataset(event, 'cohorts');
