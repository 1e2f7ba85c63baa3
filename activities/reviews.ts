// P3 / U3 manual review: the case a flow submits, its deadlines, and what a clerk's decision does.
// The review_cases row is the truth about a decision; the flow is signalled and reads it here.
import { Op } from 'sequelize';
import { maskIdNumber, maskMobile } from '../domain/masking';
import { OPEN_REVIEW_STATUSES, ReviewCaseType } from '../db/reviewModels';
import { recordAudit } from './audit';
import { idNumberHash } from './identity';
import { resetRecoveredPassword } from './recovery';
import type { Services } from './services';

/** Escalation to supervisors, then closing, counted from the (last) submission. */
export function reviewDeadlines(): { escalateAfterMs: number; closeAfterMs: number } {
  const seconds = (name: string, fallback: number) => {
    const v = Number(process.env[name]);
    return Number.isFinite(v) && v > 0 ? v * 1000 : fallback;
  };
  return {
    escalateAfterMs: seconds('REVIEW_ESCALATE_SECONDS', 48 * 3600_000),
    closeAfterMs: seconds('REVIEW_CLOSE_SECONDS', 7 * 24 * 3600_000),
  };
}

export interface ReviewApplicant {
  username: string;
  mobile: string;
  enterpriseName: string;
  uscc: string;
  legalRepName: string;
  legalRepIdType: string;
  legalRepIdNumber: string;
  legalRepIdValidFrom: string;
  legalRepIdValidTo: string;
  // U3 (username recovery): the applicant's own identity and the kind of account looked for
  accountKind?: string;
  orgCode?: string;
  person?: { name: string; idType: string; idNumber: string; idValidFrom: string; idValidTo: string };
}

export interface SubmitReviewInput {
  flowId: string;
  owner: string;
  caseType: ReviewCaseType;
  accountId: number | null;
  applicant: ReviewApplicant;
  uploadIds: string[];
  ip: string;
}

/** Creates the case of a flow, or reopens it with the new information after "ask for more". */
export async function submitReviewCase(
  services: Services,
  input: SubmitReviewInput,
): Promise<{ caseId: number; escalateAt: number; closeAt: number } | { errors: Record<string, string> }> {
  const { ReviewCase, ReviewUpload, Account, Enterprise } = services.db.models;
  const uploads = await ReviewUpload.findAll({ where: { id: { [Op.in]: input.uploadIds }, flowId: input.flowId, owner: input.owner } });
  if (uploads.length !== input.uploadIds.length || uploads.length === 0) return { errors: { uploads: 'review.uploadsMissing' } };

  const applicant = input.applicant;
  const registry = await registryOf(services, applicant);
  // U3 collects the organization code, not the USCC: the case carries the registry's (or our records') USCC.
  const knownUscc = registry?.uscc ?? (applicant.orgCode ? (await Enterprise.findOne({ where: { orgCode: applicant.orgCode.toUpperCase() } }))?.uscc : undefined);
  const a = { ...applicant, uscc: applicant.uscc || knownUscc || '' };
  const accountId = input.caseType === 'usernameRecovery' ? await usernameCaseAccount(services, a) : input.accountId;
  const account = accountId !== null ? await Account.findByPk(accountId) : null;
  const enterprise = account?.enterpriseId ? await Enterprise.findByPk(account.enterpriseId) : null;
  const data = {
    applicant: {
      username: a.username,
      mobileMasked: maskMobile(a.mobile),
      enterpriseName: a.enterpriseName,
      uscc: a.uscc.toUpperCase(),
      legalRepName: a.legalRepName,
      legalRepIdType: a.legalRepIdType,
      legalRepIdNumberMasked: maskIdNumber(a.legalRepIdNumber),
      legalRepIdValidFrom: a.legalRepIdValidFrom,
      legalRepIdValidTo: a.legalRepIdValidTo,
      ...(a.person
        ? {
            accountKind: a.accountKind ?? '',
            orgCode: a.orgCode ?? '',
            name: a.person.name,
            idType: a.person.idType,
            idNumberMasked: maskIdNumber(a.person.idNumber),
            idValidFrom: a.person.idValidFrom,
            idValidTo: a.person.idValidTo,
          }
        : {}),
    },
    // What the back office knows, beside what the applicant says (for the clerk only).
    registry: registry
      ? {
          found: true,
          name: registry.name,
          status: registry.status,
          legalRepName: registry.legalRepName,
          nameMatches: registry.name === a.enterpriseName.trim(),
          legalRepMatches: registry.legalRepName === a.legalRepName.trim() && registry.legalRepIdNumber.toUpperCase() === a.legalRepIdNumber.trim().toUpperCase(),
        }
      : { found: false },
    account: account
      ? {
          exists: true,
          kind: account.kind,
          name: account.name,
          enterpriseName: enterprise?.name ?? '',
          enterpriseUscc: enterprise?.uscc ?? '',
          enterpriseMatches: !!enterprise && (enterprise.uscc === a.uscc.trim().toUpperCase() || (!!a.orgCode && enterprise.orgCode === a.orgCode.toUpperCase())),
        }
      : { exists: false },
  };
  const { escalateAfterMs, closeAfterMs } = reviewDeadlines();
  const now = new Date();
  const result = await services.db.sequelize.transaction(async (transaction) => {
    let row = await ReviewCase.findOne({ where: { flowId: input.flowId }, transaction });
    const fields = {
      status: 'pending' as const,
      accountId: account?.id ?? null,
      username: a.username,
      enterpriseId: enterprise?.id ?? null,
      enterpriseName: a.enterpriseName,
      uscc: a.uscc.toUpperCase(),
      applicantMobile: a.mobile,
      data: JSON.stringify(data),
      uploads: JSON.stringify(input.uploadIds),
      submittedAt: now,
    };
    if (row && row.status === 'pending' && row.uploads === fields.uploads) return row; // a retried activity
    if (row) {
      if (row.status !== 'moreInfo') return row;
      await row.update({ ...fields, round: row.round + 1, firstApproverId: null, decision: '', escalated: false, escalatedAt: null }, { transaction });
    } else {
      row = await ReviewCase.create({ caseType: input.caseType, flowId: input.flowId, ...fields }, { transaction });
    }
    await recordAudit(services, {
      actorType: 'anonymous', actorId: a.username, actorName: a.username, action: 'review.submitted',
      entityType: 'reviewCase', entityId: row.id, details: { caseType: input.caseType, round: row.round, uploads: input.uploadIds.length }, ip: input.ip, flowId: input.flowId,
    }, transaction);
    return row;
  });
  const submitted = result.submittedAt.getTime();
  return { caseId: result.id, escalateAt: submitted + escalateAfterMs, closeAt: submitted + closeAfterMs };
}

/** The registry's record of the enterprise the applicant names: by USCC (P3) or by organization code (U3). */
async function registryOf(services: Services, a: ReviewApplicant) {
  if (a.uscc) return services.registry.lookup(a.uscc.trim().toUpperCase());
  if (a.orgCode) return services.registry.lookupByOrgCode(a.orgCode);
  return null;
}

/** U3: the account a username-recovery case is about: the person's own account of that kind (and enterprise). */
async function usernameCaseAccount(services: Services, a: ReviewApplicant): Promise<number | null> {
  if (!a.person) return null;
  const { Account, Enterprise } = services.db.models;
  const hash = idNumberHash(services.keys, a.person.idType, a.person.idNumber);
  const kind = ['admin', 'operator', 'individual'].includes(a.accountKind ?? '') ? (a.accountKind as 'admin' | 'operator' | 'individual') : 'individual';
  let enterpriseId: number | null = null;
  if (kind !== 'individual') {
    const e = await Enterprise.findOne({ where: { orgCode: String(a.orgCode ?? '').toUpperCase() } });
    if (!e) return null;
    enterpriseId = e.id;
    if (kind === 'admin') return (await Account.findOne({ where: { enterpriseId, kind: 'admin' } }))?.id ?? null;
  }
  const row = await Account.findOne({ where: { kind, idType: a.person.idType, idNumberHash: hash, ...(enterpriseId ? { enterpriseId } : {}) } });
  return row?.id ?? null;
}

const USERNAME_SMS_TEXT: Record<string, string> = {
  approved: '【中国国际贸易单一窗口】您提交的找回用户名人工审核已通过，您的用户名为：{username}。',
  rejected: '【中国国际贸易单一窗口】您提交的找回用户名人工审核未通过，原因：{reason}。如有疑问请联系客服。',
  moreInfo: '【中国国际贸易单一窗口】您提交的找回用户名人工审核需要补充资料：{reason}。请在原页面补充后重新提交。',
  closed: '【中国国际贸易单一窗口】您提交的找回用户名人工审核已超过办理期限，申请已关闭，如需找回请重新申请。',
};

const SMS_TEXT: Record<string, string> = {
  approved: '【中国国际贸易单一窗口】您提交的找回密码人工审核已通过，新密码已生效，请使用提交审核时设置的新密码登录。',
  rejected: '【中国国际贸易单一窗口】您提交的找回密码人工审核未通过，原因：{reason}。如有疑问请联系客服。',
  moreInfo: '【中国国际贸易单一窗口】您提交的找回密码人工审核需要补充资料：{reason}。请在原页面补充后重新提交。',
  closed: '【中国国际贸易单一窗口】您提交的找回密码人工审核已超过办理期限，申请已关闭，如需找回密码请重新申请。',
};

async function notify(
  services: Services,
  row: { id: number; round: number; applicantMobile: string; reason: string; caseType: string; accountId: number | null },
  status: string,
) {
  if (!row.applicantMobile) return;
  let body = (row.caseType === 'usernameRecovery' ? USERNAME_SMS_TEXT : SMS_TEXT)[status].replaceAll('{reason}', row.reason || '无');
  if (body.includes('{username}')) {
    const account = row.accountId !== null ? await services.db.models.Account.findByPk(row.accountId) : null;
    body = body.replaceAll('{username}', account?.username ?? '');
  }
  await services.sms.send({ sendKey: `review:${row.id}:${row.round}:${status}`, to: row.applicantMobile, template: `review.${status}`, body });
}

export type ReviewOutcome = 'approved' | 'rejected' | 'moreInfo' | 'closed' | 'open';

/**
 * After the reviewDecided signal (or a deadline): applies what the case row says. Approval sets
 * the password chosen at submission (sessions end); every outcome is told to the applicant by SMS.
 */
export async function finishReview(
  services: Services,
  input: { flowId: string; caseId: number; passwordHash: string; round: number; ip?: string },
): Promise<{ outcome: ReviewOutcome; reason: string }> {
  const row = await services.db.models.ReviewCase.findByPk(input.caseId);
  if (!row || row.flowId !== input.flowId) return { outcome: 'open', reason: '' };
  if (row.round !== input.round) return { outcome: 'open', reason: '' }; // a decision of an earlier round
  if (row.status === 'approved') {
    if (row.accountId !== null && row.caseType === 'passwordRecovery' && input.passwordHash) {
      await resetRecoveredPassword(services, { flowId: input.flowId, accountId: row.accountId, passwordHash: input.passwordHash, ip: input.ip ?? '', via: 'review', provenSince: row.createdAt.getTime() });
    }
    await notify(services, row, 'approved');
    return { outcome: 'approved', reason: row.reason };
  }
  if (row.status === 'rejected' || row.status === 'moreInfo' || row.status === 'closed') {
    await notify(services, row, row.status);
    return { outcome: row.status, reason: row.reason };
  }
  return { outcome: 'open', reason: '' };
}

/** The first deadline: the case goes to the supervisors' attention. */
export async function escalateReviewCase(services: Services, input: { caseId: number }): Promise<void> {
  const { ReviewCase, ReviewDecision } = services.db.models;
  await services.db.sequelize.transaction(async (transaction) => {
    const [n] = await ReviewCase.update(
      { escalated: true, escalatedAt: new Date() },
      { where: { id: input.caseId, escalated: false, status: { [Op.in]: [...OPEN_REVIEW_STATUSES] } }, transaction },
    );
    if (n !== 1) return;
    await ReviewDecision.create({ caseId: input.caseId, staffId: null, staffName: 'system', action: 'escalate', at: new Date() }, { transaction });
    await recordAudit(services, {
      actorType: 'system', actorId: 'review-deadline', actorName: 'system', action: 'review.escalated', entityType: 'reviewCase', entityId: input.caseId,
    }, transaction);
  });
}

/** The last deadline: an undecided case closes (and the applicant is told by SMS). */
export async function closeReviewCase(services: Services, input: { caseId: number }): Promise<void> {
  const { ReviewCase, ReviewDecision } = services.db.models;
  await services.db.sequelize.transaction(async (transaction) => {
    const [n] = await ReviewCase.update(
      { status: 'closed', decision: 'closed', reason: '超过办理期限', decidedAt: new Date() },
      { where: { id: input.caseId, status: { [Op.in]: ['pending', 'secondApproval', 'moreInfo'] } }, transaction },
    );
    if (n !== 1) return;
    await ReviewDecision.create({ caseId: input.caseId, staffId: null, staffName: 'system', action: 'close', reason: '超过办理期限', at: new Date() }, { transaction });
    await recordAudit(services, {
      actorType: 'system', actorId: 'review-deadline', actorName: 'system', action: 'review.closed', entityType: 'reviewCase', entityId: input.caseId,
    }, transaction);
  });
}
