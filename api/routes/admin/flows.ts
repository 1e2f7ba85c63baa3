// /api/admin/flows: every flow, listed from Temporal visibility by type, status and step (M1).
import { Router } from 'express';
import type { WorkflowExecutionInfo } from '@temporalio/client';
import { FLOW_STATUSES, FLOW_TYPES } from '../../../workflows/flowTypes';
import { ApplicantKey, EnterpriseUsccKey, FlowStatusKey, FlowStepKey, FlowTypeKey } from '../../../workflows/searchAttributes';
import { ApiError, checkedParams, FLOW_ID } from '../../http';
import type { FlowRuntime } from '../../flows';
import { enumFilter, listQuery, sendList } from './listQuery';

const KEYWORD = /^[A-Za-z0-9_.-]{1,60}$/;

export function flowMonitorRoutes(rt: FlowRuntime, opts: { temporalUiUrl: string; namespace: string }): Router {
  const router = checkedParams(Router(), { id: FLOW_ID });

  const item = (w: Omit<WorkflowExecutionInfo, "raw">) => ({
    id: w.workflowId,
    type: w.typedSearchAttributes.get(FlowTypeKey) ?? w.type,
    status: w.typedSearchAttributes.get(FlowStatusKey) ?? w.status.name.toLowerCase(),
    step: w.typedSearchAttributes.get(FlowStepKey) ?? '',
    uscc: w.typedSearchAttributes.get(EnterpriseUsccKey) ?? '',
    applicant: w.typedSearchAttributes.get(ApplicantKey) ?? '',
    executionStatus: w.status.name,
    startedAt: w.startTime,
    closedAt: w.closeTime ?? null,
    temporalUrl: opts.temporalUiUrl
      ? `${opts.temporalUiUrl}/namespaces/${encodeURIComponent(opts.namespace)}/workflows/${encodeURIComponent(w.workflowId)}/${w.runId}/history`
      : '',
  });

  router.get('/', async (req, res) => {
    const q = listQuery(req, ['startedAt'], ['startedAt', 'DESC']);
    const clauses = [`FlowType IN (${FLOW_TYPES.map((t) => `'${t}'`).join(', ')})`];
    enumFilter(q, 'type', FLOW_TYPES);
    enumFilter(q, 'status', FLOW_STATUSES);
    for (const [field, attr] of [['type', 'FlowType'], ['status', 'FlowStatus'], ['step', 'FlowStep'], ['uscc', 'EnterpriseUscc'], ['applicant', 'Applicant']] as const) {
      const value = q.filter[field];
      if (value === undefined || value === '') continue;
      if (typeof value !== 'string' || !KEYWORD.test(value)) throw new ApiError(400, 'badRequest');
      clauses.push(`${attr} = '${value}'`);
    }
    // Newest first: the visibility store's own order (the dev server's SQLite store has no ORDER BY).
    const query = clauses.join(' AND ');
    const { count } = await rt.client.workflow.count(query);
    const items = [];
    let index = 0;
    for await (const w of rt.client.workflow.list({ query, pageSize: Math.min(1000, q.offset + q.limit) })) {
      if (index++ < q.offset) continue;
      items.push(item(w));
      if (items.length >= q.limit) break;
    }
    sendList(res, 'flows', q, items, count);
  });

  router.get('/:id', async (req, res) => {
    try {
      res.json(item(await rt.client.workflow.getHandle(req.params.id).describe()));
    } catch {
      throw new ApiError(404, 'notFound');
    }
  });

  return router;
}
