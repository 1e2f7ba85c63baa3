// Housekeeping: one long-running workflow (ID "housekeeping") that removes expired captchas,
// card challenges, SMS codes and sessions every hour. It continues as new daily so its history
// stays short.
import { continueAsNew, sleep } from '@temporalio/workflow';
import { acts } from './activities';

export const HOUSEKEEPING_ID = 'housekeeping';
const ROUNDS_PER_RUN = 24;

export async function housekeeping(intervalMs = 3600_000): Promise<void> {
  for (let round = 0; round < ROUNDS_PER_RUN; round++) {
    await acts.purgeExpired();
    await sleep(intervalMs);
  }
  await continueAsNew<typeof housekeeping>(intervalMs);
}
