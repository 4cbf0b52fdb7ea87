import { datasetResponse } from '$lib/server/api';
import { COHORTS_DATASETS } from '$lib/server/datasets/cohorts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => datasetResponse(event, COHORTS_DATASETS, event.params.dataset);
