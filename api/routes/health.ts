// /healthz: 200 only when the database, Temporal and at least one worker are ready.
import { Router } from 'express';
import { temporal } from '@temporalio/proto';
import type { Services } from '../../activities/services';
import type { FlowRuntime } from '../flows';

export async function healthOf(services: Services, rt: FlowRuntime, namespace: string) {
  const checks = { database: false, temporal: false, worker: false };
  try {
    await services.db.sequelize.query('SELECT 1');
    checks.database = true;
  } catch { /* reported below */ }
  try {
    const queue = await rt.client.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: rt.taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    checks.temporal = true;
    const now = Date.now();
    checks.worker = (queue.pollers ?? []).some((p) => {
      const seconds = Number(p.lastAccessTime?.seconds ?? 0);
      return now - seconds * 1000 < 90_000;
    });
  } catch { /* reported below */ }
  return { ok: checks.database && checks.temporal && checks.worker, checks };
}

export function healthRoutes(services: Services, rt: FlowRuntime, namespace: string): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const health = await healthOf(services, rt, namespace);
    res.status(health.ok ? 200 : 503).json(health);
  });
  return router;
}
