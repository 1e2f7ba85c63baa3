// The activities as workflows see them: typed proxies, with retry rules suited to short
// database and adapter calls. Importing only the type keeps Node code out of the bundle.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

// A business refusal (activities/refusal.ts) is non-retryable and reaches the user at once. What
// is retried are infrastructure errors (a busy database, a gateway hiccup): six tries over about
// 12 s, so a step whose activity keeps failing answers well within an HTTP client's patience.
export const acts = proxyActivities<Activities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '500 ms', backoffCoefficient: 2, maximumInterval: '4 seconds', maximumAttempts: 6 },
});
