import { datasetResponse } from '$lib/server/api';
import { OVERVIEW_DATASETS } from '$lib/server/datasets/overview';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => datasetResponse(event, OVERVIEW_DATASETS, event.params.dataset);
