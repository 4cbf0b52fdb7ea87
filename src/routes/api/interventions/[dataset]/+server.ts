import { datasetResponse } from '$lib/server/api';
import { INTERVENTION_DATASETS } from '$lib/server/datasets/interventions';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => datasetResponse(event, INTERVENTION_DATASETS, event.params.dataset);
