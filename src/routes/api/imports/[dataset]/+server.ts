import { datasetResponse } from '$lib/server/api';
import { IMPORTS_DATASETS } from '$lib/server/datasets/imports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => datasetResponse(event, IMPORTS_DATASETS, event.params.dataset);
