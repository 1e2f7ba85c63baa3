// /api/admin/reviews (V1–V3): review queues per case type, claim / release / assign, the case
// view with the applicant's images (served only here, to staff), and decisions. A decision is
// written to the case (with the audit trail) and then signalled to the waiting flow, which reads
// it from the case and applies it. Four-eyes (setting fourEyesPasswordReset): a password reset
// needs a second approver who is not the first.
import fs from 'node:fs';
import { Router, Request } from 'express';
import { Op, WhereOptions } from 'sequelize';
import type { Services } from '../../../activities/services';
import { recordAudit } from '../../../activities/audit';
import { maskMobile } from '../../../domain/masking';
import type { StaffRow } from '../../../db';
import { OPEN_REVIEW_STATUSES, REVIEW_CASE_TYPES, REVIEW_STATUSES, ReviewCaseType } from '../../../db/reviewModels';
import { REVIEW_DECIDED } from '../../../workflows/flowTypes';
import { FlowRuntime, signalFlow } from '../../flows';
import { ApiError, clientIp, fieldError, checkedParams, recordId } from '../../http';
import { requireStaffPermission } from '../../sessions';
import { staffCan } from '../../../domain/staffRoles';
import { storedImagePath } from '../../uploads';
import { booleanFilter, enumFilter, listQuery, numberFilter, sendList } from './listQuery';

/** The queues (case types) each staff role sees. */
export const QUEUES_BY_ROLE: Record<string, readonly ReviewCaseType[]> = Object.fromEntries(
  (['reviewer', 'supervisor', 'sysadmin'] as const).map((role) => [role, staffCan(role, 'cases.work') ? (['passwordRecovery', 'usernameRecovery'] as const) : []]),
);

const like = (value: unknown) => ({ [Op.like]: `%${String(value).replace(/[%_\\]/g, '')}%` });

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

export function reviewRoutes(services: Services, rt: FlowRuntime): Router {
  const router = checkedParams(Router());
  const { models } = services.db;
  const { ReviewCase, ReviewDecision, ReviewReason, ReviewSetting, ReviewUpload, Staff } = models;
  const queuesOf = (staff: StaffRow) => QUEUES_BY_ROLE[staff.role] ?? [];
  const assigners = requireStaffPermission(services, 'cases.assign');
  const managers = requireStaffPermission(services, 'reviews.configure');

  const staffNames = async (ids: (number | null)[]) => {
    const wanted = [...new Set(ids.filter((x): x is number => typeof x === 'number'))];
    const rows = wanted.length ? await Staff.findAll({ where: { id: { [Op.in]: wanted } } }) : [];
    return new Map(rows.map((r) => [r.id, r.name || r.username]));
  };

  const item = (c: InstanceType<typeof ReviewCase>, names: Map<number, string>) => ({
    id: c.id,
    caseType: c.caseType,
    flowId: c.flowId,
    status: c.status,
    username: c.username,
    enterpriseName: c.enterpriseName,
    uscc: c.uscc,
    applicantMobile: maskMobile(c.applicantMobile),
    round: c.round,
    assigneeId: c.assigneeId,
    assigneeName: c.assigneeId ? names.get(c.assigneeId) ?? '' : '',
    escalated: c.escalated,
    firstApproverId: c.firstApproverId,
    firstApproverName: c.firstApproverId ? names.get(c.firstApproverId) ?? '' : '',
    decision: c.decision,
    reason: c.reason,
    comment: c.comment,
    submittedAt: c.submittedAt,
    decidedAt: c.decidedAt,
    ageHours: Math.floor((Date.now() - c.submittedAt.getTime()) / 3600_000),
  });

  /** A case the caller's role may see, or 404 (never 403: no hint that it exists). */
  const visibleCase = async (req: Request) => {
    const c = await ReviewCase.findByPk(Number(req.params.id));
    if (!c || !queuesOf(req.staff!).includes(c.caseType)) throw new ApiError(404, 'notFound');
    return c;
  };

  router.get('/reviews', async (req, res) => {
    const q = listQuery(req, ['id', 'submittedAt', 'status', 'caseType'], ['submittedAt', 'ASC']);
    const f = q.filter;
    const queues = queuesOf(req.staff!);
    // Every filter value is checked (enumFilter & co.): an unknown one is a 400, not "everything".
    const caseType = enumFilter(q, 'caseType', REVIEW_CASE_TYPES);
    const status = enumFilter(q, 'status', ['open', ...REVIEW_STATUSES] as const);
    const assignee = f.assigneeId === 'me' || f.assigneeId === 'none' ? f.assigneeId : numberFilter(q, 'assigneeId');
    const escalated = booleanFilter(q, 'escalated');
    const olderThanHours = numberFilter(q, 'olderThanHours');
    // A case type outside the caller's queues finds nothing (it never widens to every queue).
    const where: Record<string | symbol, unknown> = { caseType: { [Op.in]: caseType ? queues.filter((t) => t === caseType) : queues } };
    if (status === 'open') where.status = { [Op.in]: [...OPEN_REVIEW_STATUSES] };
    else if (status) where.status = status;
    if (assignee === 'me') where.assigneeId = req.staff!.id;
    else if (assignee === 'none') where.assigneeId = { [Op.is]: null };
    else if (assignee !== undefined) where.assigneeId = assignee;
    if (escalated !== undefined) where.escalated = escalated;
    if (f.enterprise) where[Op.or] = [{ enterpriseName: like(f.enterprise) }, { uscc: like(f.enterprise) }];
    if (f.username) where.username = like(f.username);
    if (olderThanHours !== undefined) where.submittedAt = { [Op.lt]: new Date(Date.now() - olderThanHours * 3600_000) };
    const { rows, count } = await ReviewCase.findAndCountAll({ where: where as WhereOptions, order: [q.sort, ['id', 'ASC']], offset: q.offset, limit: q.limit });
    const names = await staffNames(rows.flatMap((r) => [r.assigneeId, r.firstApproverId]));
    sendList(res, 'reviews', q, rows.map((r) => item(r, names)), count);
  });

  router.get('/reviews/:id', async (req, res) => {
    const c = await visibleCase(req);
    const decisions = await ReviewDecision.findAll({ where: { caseId: c.id }, order: [['id', 'ASC']] });
    const uploadIds = safeJson(c.uploads) as string[];
    const uploads = uploadIds.length ? await ReviewUpload.findAll({ where: { id: { [Op.in]: uploadIds }, flowId: c.flowId } }) : [];
    const names = await staffNames([c.assigneeId, c.firstApproverId]);
    res.json({
      ...item(c, names),
      data: safeJson(c.data),
      uploads: uploads.sort((x, y) => uploadIds.indexOf(x.id) - uploadIds.indexOf(y.id)).map((u) => ({ id: u.id, kind: u.kind, width: u.width, height: u.height, bytes: u.bytes, url: `/api/admin/reviews/${c.id}/uploads/${u.id}` })),
      decisions: decisions.map((d) => ({ id: d.id, staffName: d.staffName, action: d.action, reason: d.reason, comment: d.comment, at: d.at })),
      fourEyes: c.caseType === 'passwordRecovery' && (await fourEyesOn()),
    });
  });

  router.get('/reviews/:id/uploads/:uploadId', async (req, res) => {
    const c = await visibleCase(req);
    const uploadIds = safeJson(c.uploads) as string[];
    if (!uploadIds.includes(String(req.params.uploadId))) throw new ApiError(404, 'notFound');
    const u = await ReviewUpload.findOne({ where: { id: String(req.params.uploadId), flowId: c.flowId } });
    if (!u) throw new ApiError(404, 'notFound');
    const file = storedImagePath(services.uploadDir, u.storedName);
    if (!fs.existsSync(file)) throw new ApiError(404, 'notFound');
    res.setHeader('Content-Type', u.mime);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Content-Disposition', 'inline');
    fs.createReadStream(file).pipe(res);
  });

  const fourEyesOn = async () => (await ReviewSetting.findByPk('fourEyesPasswordReset'))?.value === 'on';

  /** A change of an open case, its decision row and its audit record, in one transaction. */
  const change = async (
    req: Request,
    c: InstanceType<typeof ReviewCase>,
    action: string,
    set: Record<string, unknown>,
    extra: { reason?: string; comment?: string; details?: Record<string, unknown> } = {},
  ) => {
    const staff = req.staff!;
    await services.db.sequelize.transaction(async (transaction) => {
      // Only if nobody changed the case meanwhile (status, assignee and round as read).
      const [n] = await ReviewCase.update(set, {
        where: { id: c.id, status: c.status, round: c.round, assigneeId: c.assigneeId === null ? { [Op.is]: null } : c.assigneeId } as WhereOptions,
        transaction,
      });
      if (n !== 1) throw new ApiError(409, 'conflict');
      await ReviewDecision.create({ caseId: c.id, staffId: staff.id, staffName: staff.name || staff.username, action, reason: extra.reason ?? '', comment: extra.comment ?? '', at: new Date() }, { transaction });
      await recordAudit(services, {
        actorType: 'staff', actorId: staff.id, actorName: staff.username, action: `review.${action}`, entityType: 'reviewCase', entityId: c.id,
        details: { caseType: c.caseType, round: c.round, ...(extra.reason ? { reason: extra.reason } : {}), ...(extra.comment ? { comment: extra.comment } : {}), ...extra.details },
        ip: clientIp(req), flowId: c.flowId,
      }, transaction);
    });
  };

  const openCase = async (req: Request) => {
    const c = await visibleCase(req);
    if (!(['pending', 'secondApproval'] as string[]).includes(c.status)) throw new ApiError(409, 'review.closed');
    return c;
  };

  router.post('/reviews/:id/claim', async (req, res) => {
    const c = await openCase(req);
    if (c.assigneeId !== null && c.assigneeId !== req.staff!.id) throw new ApiError(409, 'review.claimedByOther');
    if (c.status === 'secondApproval' && c.firstApproverId === req.staff!.id) throw new ApiError(409, 'review.sameApprover');
    if (c.assigneeId !== req.staff!.id) await change(req, c, 'claim', { assigneeId: req.staff!.id, assignedAt: new Date() });
    res.json(item((await ReviewCase.findByPk(c.id))!, await staffNames([req.staff!.id, c.firstApproverId])));
  });

  router.post('/reviews/:id/release', async (req, res) => {
    const c = await openCase(req);
    const isManager = req.staff!.role !== 'reviewer';
    if (c.assigneeId === null) throw new ApiError(409, 'review.notClaimed');
    if (c.assigneeId !== req.staff!.id && !isManager) throw new ApiError(409, 'review.claimedByOther');
    await change(req, c, 'release', { assigneeId: null, assignedAt: null });
    res.json(item((await ReviewCase.findByPk(c.id))!, new Map()));
  });

  router.post('/reviews/:id/assign', assigners, async (req, res) => {
    const c = await openCase(req);
    const staffId = recordId(req.body?.staffId);
    const to = staffId ? await Staff.findByPk(staffId) : null;
    if (!to || to.status !== 'active' || !(QUEUES_BY_ROLE[to.role] ?? []).includes(c.caseType)) throw fieldError({ staffId: 'review.badAssignee' });
    if (c.status === 'secondApproval' && c.firstApproverId === to.id) throw fieldError({ staffId: 'review.sameApprover' });
    await change(req, c, 'assign', { assigneeId: to.id, assignedAt: new Date() }, { details: { to: to.username } });
    res.json(item((await ReviewCase.findByPk(c.id))!, await staffNames([to.id])));
  });

  router.post('/reviews/:id/decide', async (req, res) => {
    const decision = String(req.body?.decision ?? '');
    if (!['approve', 'reject', 'more'].includes(decision)) throw fieldError({ decision: 'required' });
    const comment = typeof req.body?.comment === 'string' ? req.body.comment.trim().slice(0, 1000) : '';
    const c = await openCase(req);
    const staff = req.staff!;
    if (c.assigneeId !== staff.id) throw new ApiError(409, 'review.notClaimed');
    const reasonId = req.body?.reasonId ? recordId(req.body.reasonId) : null;
    const reasonRow = reasonId ? await ReviewReason.findByPk(reasonId) : null;
    if (req.body?.reasonId && (!reasonRow || !reasonRow.active || reasonRow.decision !== decision)) throw fieldError({ reasonId: 'review.badReason' });
    if (decision !== 'approve' && !reasonRow) throw fieldError({ reasonId: 'required' });
    const reason = reasonRow?.text ?? '';

    let signal = true;
    if (decision === 'approve') {
      const fourEyes = c.caseType === 'passwordRecovery' && (await fourEyesOn());
      if (c.status === 'secondApproval' && c.firstApproverId === staff.id) throw new ApiError(409, 'review.sameApprover');
      if (fourEyes && c.status === 'pending') {
        // First of two approvals: the case waits for a second clerk.
        await change(req, c, 'approve', { status: 'secondApproval', firstApproverId: staff.id, assigneeId: null, assignedAt: null }, { reason, comment, details: { stage: 'first' } });
        signal = false;
      } else {
        await change(req, c, 'approve', { status: 'approved', decision: 'approve', reason, comment, decidedAt: new Date() }, { reason, comment, details: { stage: 'final' } });
      }
    } else {
      const status = decision === 'reject' ? 'rejected' : 'moreInfo';
      await change(req, c, decision, { status, decision, reason, comment, decidedAt: new Date(), assigneeId: decision === 'more' ? null : c.assigneeId }, { reason, comment });
    }
    if (signal) {
      try {
        await signalFlow(rt, c.flowId, REVIEW_DECIDED, { caseId: c.id });
      } catch (err) {
        // The flow is gone (closed by its deadline meanwhile): the case row keeps the decision.
        console.warn(`[reviews] case ${c.id}: the flow did not take the decision:`, err instanceof Error ? err.message : err);
      }
    }
    res.json(item((await ReviewCase.findByPk(c.id))!, await staffNames([c.assigneeId, c.firstApproverId, staff.id])));
  });

  // Configurable reasons (approve / reject / ask for more) and the review settings.
  router.get('/review-reasons', async (req, res) => {
    const q = listQuery(req, ['id', 'decision'], ['id', 'ASC']);
    const where: Record<string, unknown> = {};
    const decision = enumFilter(q, 'decision', ['approve', 'reject', 'more'] as const);
    const active = booleanFilter(q, 'active');
    if (decision) where.decision = decision;
    if (active !== undefined) where.active = active;
    const { rows, count } = await ReviewReason.findAndCountAll({ where, order: [q.sort], offset: q.offset, limit: q.limit });
    sendList(res, 'review-reasons', q, rows.map((r) => r.get({ plain: true })), count);
  });
  router.get('/review-reasons/:id', async (req, res) => {
    const r = await ReviewReason.findByPk(Number(req.params.id));
    if (!r) throw new ApiError(404, 'notFound');
    res.json(r.get({ plain: true }));
  });
  const reasonFields = (body: any) => {
    const decision = String(body?.decision ?? '');
    const text = typeof body?.text === 'string' ? body.text.trim() : '';
    const errors: Record<string, string> = {};
    if (!['approve', 'reject', 'more'].includes(decision)) errors.decision = 'required';
    if (!text) errors.text = 'required';
    else if (text.length > 200) errors.text = 'text.tooLong';
    if (Object.keys(errors).length) throw fieldError(errors);
    return { decision: decision as 'approve' | 'reject' | 'more', text, active: body?.active !== false };
  };
  router.post('/review-reasons', managers, async (req, res) => {
    const row = await ReviewReason.create(reasonFields(req.body));
    await recordAudit(services, { actorType: 'staff', actorId: req.staff!.id, actorName: req.staff!.username, action: 'reviewReason.created', entityType: 'reviewReason', entityId: row.id, details: { text: row.text }, ip: clientIp(req) });
    res.status(201).json(row.get({ plain: true }));
  });
  router.put('/review-reasons/:id', managers, async (req, res) => {
    const row = await ReviewReason.findByPk(Number(req.params.id));
    if (!row) throw new ApiError(404, 'notFound');
    await row.update(reasonFields(req.body));
    await recordAudit(services, { actorType: 'staff', actorId: req.staff!.id, actorName: req.staff!.username, action: 'reviewReason.changed', entityType: 'reviewReason', entityId: row.id, details: { text: row.text, active: row.active }, ip: clientIp(req) });
    res.json(row.get({ plain: true }));
  });

  router.get('/review-settings', async (_req, res) => {
    res.json({ id: 'review', fourEyesPasswordReset: await fourEyesOn() });
  });
  router.put('/review-settings', managers, async (req, res) => {
    const on = req.body?.fourEyesPasswordReset === true;
    await ReviewSetting.upsert({ key: 'fourEyesPasswordReset', value: on ? 'on' : 'off', updatedAt: new Date() });
    await recordAudit(services, { actorType: 'staff', actorId: req.staff!.id, actorName: req.staff!.username, action: 'reviewSettings.changed', entityType: 'reviewSettings', entityId: 'fourEyesPasswordReset', details: { on }, ip: clientIp(req) });
    res.json({ id: 'review', fourEyesPasswordReset: on });
  });

  // Staff a case may be assigned to (the assign dialog).
  router.get('/review-staff', async (_req, res) => {
    const rows = await Staff.findAll({ where: { status: 'active' }, order: [['id', 'ASC']] });
    res.json(rows.filter((s) => (QUEUES_BY_ROLE[s.role] ?? []).length > 0).map((s) => ({ id: s.id, username: s.username, name: s.name, role: s.role })));
  });

  return router;
}
