import { datasetResponse } from '$lib/server/api';
import { PATTERNS_DATASETS } from '$lib/server/datasets/patterns';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => datasetResponse(event, PATTERNS_DATASETS, event.params.dataset);
