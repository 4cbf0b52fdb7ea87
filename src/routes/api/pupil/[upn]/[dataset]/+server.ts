import { datasetResponse } from '$lib/server/api';
import { PUPIL_DATASETS } from '$lib/server/datasets/pupil';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => datasetResponse(event, PUPIL_DATASETS, event.params.dataset);
