// The activities as workflows see them: typed proxies, with retry rules suited to short
// database and adapter calls. Importing only the type keeps Node code out of the bundle.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

export const acts = proxyActivities<Activities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '500 ms', maximumInterval: '10 seconds', maximumAttempts: 10 },
});
