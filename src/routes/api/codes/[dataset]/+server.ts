import { datasetResponse } from '$lib/server/api';
import { CODES_DATASETS } from '$lib/server/datasets/codes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => datasetResponse(event, CODES_DATASETS, event.params.dataset);
