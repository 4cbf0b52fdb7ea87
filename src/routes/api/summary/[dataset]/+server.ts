import { datasetResponse } from '$lib/server/api';
import { SUMMARY_DATASETS } from '$lib/server/datasets/summary';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => datasetResponse(event, SUMMARY_DATASETS, event.params.dataset);
