// U1, U3, U4, U5: username recovery, one flow per account type (variant admin | operator | individual).
//   mobile   — the applicant's mobile proven by SMS (admin, operator: with enterprise name + organization code)
//   identity — the applicant's identity (经办人 / 本人信息)
//   more     — U1 only: further proofs out of legal representative, administrator, two operators' mobiles:
//              one when the mobile is the administrator's bound mobile (and the applicant is neither the
//              legal representative nor the administrator), two when it is not
//   done     — the username(s)
// U3 manual review: after the mobile is proven, requestReview → review (information and images) →
// waiting (a clerk decides; signal reviewDecided) → the result, with the username, by SMS.
import { patched } from '@temporalio/workflow';
import { maskIdNumber } from '../domain/masking';
import type { FieldErrors } from '../domain/errors';
import { validateMobile, validateEnterpriseName, validatePersonName } from '../domain/accounts';
import { validateValidity } from '../domain/dates';
import { validateIdNumber, validateIdType, validateOrgCode } from '../domain/identifiers';
import { MAX_UPLOADS, validateBankChoice, validateCode } from '../domain/recoveryForms';
import type { UsernameRecoveryTarget, UsernameRecoveryVariant } from '../activities/usernameRecovery';
import { acts } from './activities';
import { fieldErrors, FlowControl, FlowDefinition, runFlow, ymdInChina } from './flow';
import { BANK_VERIFIED, REVIEW_DECIDED, type FlowInput, type FlowView } from './flowTypes';
import { codeSpent, MAX_SENDS, RESEND_AFTER_MS, sendSmsCode, SmsState, smsView, spendCode } from './smsCode';
import { MAX_PROOF_FAILURES } from './passwordRecovery';

const PURPOSE = 'usernameRecovery';
const VARIANTS: readonly UsernameRecoveryVariant[] = ['admin', 'operator', 'individual'];
type MoreMethod = 'legalRep' | 'admin' | 'operators';
/**
 * Issue 8: the handler's identity check and the USCC of the bank path. Flows started before it
 * replay their history as they ran (a review may wait for days across a deploy): patched() is false there.
 */
const HANDLER_AND_USCC_CHECKS = 'issue8-handler-and-uscc-checks';
/** Issue 9: the bank-card step's and the operators' codes are single use too (older histories replay without it). */
const SINGLE_USE_CODES = 'issue9-single-use-codes';

export interface UsernameRecoveryContext {
  flowId: string;
  variant?: UsernameRecoveryVariant;
}

interface State {
  flowId: string;
  variant: UsernameRecoveryVariant;
  sms: SmsState;
  opSms: SmsState[]; // U1: codes to the two operators' mobiles
  mobile?: string; // proven by SMS
  enterpriseName?: string;
  orgCode?: string;
  target?: UsernameRecoveryTarget;
  personChecked?: boolean; // U1: the identity step passed (the operators' masked names show only after it)
  proven: string[]; // further proofs passed (legalRep, admin, operators)
  needed: number; // further proofs still needed (U1)
  failures: number;
  usernames?: string[];
  bank?: string; // U2: the bank whose UKey page the applicant was sent to
  uscc?: string; // U2: the USCC typed with the bank (000 §2.3.1.2), checked against the registry
  bankIp?: string; // U2: the applicant's address when it chose the bank (the callback comes from the bank)
  bankError?: string;
  review?: { caseId: number; round: number; escalateAt: number; closeAt: number; escalated: boolean; moreReason?: string };
  result?: 'found' | 'approved' | 'rejected' | 'closed';
  resultReason?: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const put = (e: FieldErrors, field: string, code: string | null | undefined) => {
  if (code) e[field] = code;
};

function personErrors(f: Record<string, unknown>, today: string, prefix = ''): FieldErrors {
  const e: FieldErrors = {};
  const k = (n: string) => (prefix ? `${prefix}${n[0].toUpperCase()}${n.slice(1)}` : n);
  put(e, k('name'), validatePersonName(f[k('name')]));
  put(e, k('idType'), validateIdType(f[k('idType')]));
  if (!e[k('idType')]) put(e, k('idNumber'), validateIdNumber(f[k('idType')], f[k('idNumber')], today));
  if (f[k('idType')] === 'resident') {
    const v = validateValidity(f[k('idValidFrom')], f[k('idValidTo')], today);
    put(e, k('idValidFrom'), v.from);
    put(e, k('idValidTo'), v.to);
  }
  return e;
}

const person = (f: Record<string, unknown>, prefix = '') => {
  const k = (n: string) => (prefix ? `${prefix}${n[0].toUpperCase()}${n.slice(1)}` : n);
  return {
    name: str(f[k('name')]), idType: str(f[k('idType')]), idNumber: str(f[k('idNumber')]).toUpperCase(),
    idValidFrom: str(f[k('idValidFrom')]), idValidTo: str(f[k('idValidTo')]),
  };
};

function failProof(s: State, errors: FieldErrors): never {
  s.failures += 1;
  if (s.failures >= MAX_PROOF_FAILURES) fieldErrors({ proof: 'recovery.tooManyAttempts' });
  fieldErrors(errors);
}

async function found(s: State, accountIds: number[], flow: FlowControl, ip: string) {
  s.usernames = await acts.usernamesOf({ accountIds, flowId: s.flowId, ip });
  s.result = 'found';
  flow.complete();
}

/**
 * Checks a code of this flow. An accepted code is spent: it proves nothing a second time, not even
 * within the code store's retry grace (every proof is single use).
 */
async function checkFlowCode(box: SmsState, check: () => Promise<string | null>): Promise<string | null> {
  const singleUse = patched(SINGLE_USE_CODES);
  if (singleUse && codeSpent(box)) return 'sms.expired';
  const wrong = await check();
  if (!wrong && singleUse) spendCode(box);
  return wrong;
}

function captchaErrors(f: Record<string, unknown>): FieldErrors {
  if (typeof f.captcha !== 'string' || !f.captcha.trim()) return { captcha: 'required' };
  if (typeof f.captchaId !== 'string' || !f.captchaId) return { captcha: 'captcha.expired' };
  return {};
}

export function usernameRecoveryFlowFor(variant: UsernameRecoveryVariant): FlowDefinition<State, UsernameRecoveryContext> {
  const withEnterprise = variant !== 'individual';
  return {
    type: 'usernameRecovery',
    steps: ['mobile', 'identity', 'done'],
    init: ({ flowId }) => ({ flowId, variant, sms: { sends: 0 }, opSms: [{ sends: 0 }, { sends: 0 }], proven: [], needed: 0, failures: 0 }),
    view: (s) => ({
      variant: s.variant,
      ...smsView(s.sms),
      // U1: the manual tells the applicant whether the mobile is the administrator's bound one.
      mobileBound: s.variant === 'admin' && s.target ? s.target.mobileBound : null,
      proven: s.proven,
      needed: s.needed,
      // 000 §2.3.1.1.1: the operators' masked names at step 3, never before an identity passed.
      operators: s.variant === 'admin' && s.target && s.personChecked ? s.target.operators.map((o) => o.label) : [],
      operatorSendsLeft: s.opSms.map((o) => MAX_SENDS - o.sends),
      // When each operator's code may be sent again (the portal's countdown), null before a send.
      operatorResendAfter: s.opSms.map((o) => (o.lastSentAt !== undefined ? new Date(o.lastSentAt + RESEND_AFTER_MS).toISOString() : null)),
      attemptsLeft: Math.max(0, MAX_PROOF_FAILURES - s.failures),
      usernames: s.result === 'found' ? s.usernames ?? [] : [],
      bank: s.bank ?? null,
      bankError: s.bankError ?? null,
      review: s.review ? { caseId: s.review.caseId, round: s.review.round, escalated: s.review.escalated, moreReason: s.review.moreReason ?? null } : null,
      result: s.result ?? null,
      resultReason: s.resultReason ?? null,
    }),
    updates: {
      sendSmsCode: {
        at: ['mobile'],
        validate(f: Record<string, unknown>) {
          const e = captchaErrors(f);
          put(e, 'mobile', validateMobile(f.mobile));
          return e;
        },
        async handle(f: Record<string, unknown>, s, flow) {
          await sendSmsCode({ flowId: s.flowId, purpose: PURPOSE, mobile: str(f.mobile), sms: s.sms, fields: f, flow });
        },
      },
      mobile: {
        at: ['mobile'],
        validate(f: Record<string, unknown>, s) {
          const e: FieldErrors = {};
          put(e, 'mobile', validateMobile(f.mobile));
          put(e, 'smsCode', validateCode(f.smsCode, 'smsCode'));
          if (!e.smsCode && !s.sms.sends) e.smsCode = 'sms.notSent';
          if (withEnterprise) {
            put(e, 'enterpriseName', validateEnterpriseName(f.enterpriseName));
            put(e, 'orgCode', validateOrgCode(f.orgCode));
          }
          return e;
        },
        async handle(f: Record<string, unknown>, s, flow) {
          const mobile = str(f.mobile);
          const wrong = await acts.checkCode({ subject: s.flowId, purpose: PURPOSE, target: mobile, code: str(f.smsCode) });
          if (wrong) fieldErrors({ smsCode: wrong });
          s.mobile = mobile;
          s.enterpriseName = withEnterprise ? str(f.enterpriseName) : undefined;
          s.orgCode = withEnterprise ? str(f.orgCode).toUpperCase() : undefined;
          s.target = await acts.findUsernameRecoveryTarget({ variant: s.variant, mobile, enterpriseName: s.enterpriseName, orgCode: s.orgCode });
          flow.goTo('identity');
        },
      },
      // U4, U5 real-name (操作员实名认证 / 个人实名认证): identity and bank-card four elements, the SMS
      // to the mobile the bank keeps for the card (sendSmsCode first), in one step.
      realName: {
        at: variant === 'admin' ? [] : ['mobile'],
        validate(f: Record<string, unknown>, s, now) {
          if (s.failures >= MAX_PROOF_FAILURES) return { proof: 'recovery.tooManyAttempts' };
          const e = personErrors(f, ymdInChina(now));
          if (!e.idType && f.idType !== 'resident') e.idType = 'idType.invalid';
          put(e, 'mobile', validateMobile(f.mobile));
          put(e, 'smsCode', validateCode(f.smsCode, 'smsCode'));
          if (!e.smsCode && !s.sms.sends) e.smsCode = 'sms.notSent';
          if (!/^\d{12,19}$/.test(str(f.cardNo).replace(/\s/g, ''))) e.cardNo = str(f.cardNo) ? 'bankCard.format' : 'required';
          if (withEnterprise) {
            put(e, 'enterpriseName', validateEnterpriseName(f.enterpriseName));
            put(e, 'orgCode', validateOrgCode(f.orgCode));
          }
          return e;
        },
        async handle(f: Record<string, unknown>, s, flow, args) {
          const mobile = str(f.mobile);
          const wrong = await checkFlowCode(s.sms, () => acts.checkCode({ subject: s.flowId, purpose: PURPOSE, target: mobile, code: str(f.smsCode) }));
          if (wrong) failProof(s, { smsCode: wrong });
          s.mobile = mobile;
          const result = await acts.realNameAccounts({
            variant: s.variant,
            enterpriseName: withEnterprise ? str(f.enterpriseName) : undefined,
            orgCode: withEnterprise ? str(f.orgCode) : undefined,
            person: person(f),
            cardNo: str(f.cardNo).replace(/\s/g, ''),
            mobile,
          });
          if (!result.ok) failProof(s, { proof: result.code });
          await found(s, result.accountIds, flow, args.ip);
        },
      },
      identity: {
        at: ['identity'],
        validate: (f: Record<string, unknown>, s, now) => (s.failures >= MAX_PROOF_FAILURES ? { proof: 'recovery.tooManyAttempts' } : personErrors(f, ymdInChina(now))),
        async handle(f: Record<string, unknown>, s, flow, args) {
          const t = s.target!;
          const p = person(f);
          if (s.variant !== 'admin') {
            const ids = await acts.accountsOfPerson({ accountIds: t.accountIds, person: p });
            if (!ids.length) failProof(s, { proof: 'recovery.proofMismatch' });
            await found(s, ids, flow, args.ip);
            return;
          }
          // U1: the legal representative or the administrator is itself a proof; a handler (经办人) is
          // not, but must still be a real person the identity check knows, like every other person.
          const asLegalRep = await acts.checkPerson({ enterpriseId: t.enterpriseId, accountIds: t.accountIds, who: 'legalRep', person: p });
          const asAdmin = !asLegalRep && (await acts.checkPerson({ enterpriseId: t.enterpriseId, accountIds: t.accountIds, who: 'admin', person: p }));
          if (!asLegalRep && !asAdmin && patched(HANDLER_AND_USCC_CHECKS) && !(await acts.personKnown({ person: p }))) failProof(s, { proof: 'recovery.proofMismatch' });
          s.personChecked = true;
          s.proven = asLegalRep ? ['legalRep'] : asAdmin ? ['admin'] : [];
          s.needed = Math.max(0, (t.mobileBound ? 1 : 2) - s.proven.length);
          if (s.needed === 0 && t.accountIds.length) {
            await found(s, t.accountIds, flow, args.ip);
            return;
          }
          s.needed = Math.max(1, s.needed);
          flow.goTo('more');
        },
      },
      sendOperatorCode: {
        at: ['more'],
        validate(f: Record<string, unknown>) {
          const e = captchaErrors(f);
          if (f.slot !== 0 && f.slot !== 1) e.slot = 'required';
          return e;
        },
        async handle(f: Record<string, unknown>, s, flow) {
          const slot = f.slot as 0 | 1;
          if ((s.target?.operators.length ?? 0) < 2) fieldErrors({ method: 'recovery.fewOperators' });
          const box = s.opSms[slot];
          if (box.sends >= MAX_SENDS) fieldErrors({ [`smsCode${slot}`]: 'sms.tooManySends' });
          if (box.lastSentAt !== undefined && flow.now() - box.lastSentAt < RESEND_AFTER_MS) fieldErrors({ [`smsCode${slot}`]: 'sms.tooSoon' });
          const captcha = await acts.verifyCaptcha(f.captchaId as string, f.captcha as string);
          if (captcha) fieldErrors({ captcha });
          await acts.sendOperatorCode({ flowId: s.flowId, operatorAccountId: s.target!.operators[slot].accountId, slot, sendKey: `${s.flowId}:${PURPOSE}:op${slot}:${box.sends + 1}` });
          box.sends += 1;
          box.lastSentAt = flow.now();
        },
      },
      more: {
        at: ['more'],
        validate(f: Record<string, unknown>, s, now) {
          if (s.failures >= MAX_PROOF_FAILURES) return { proof: 'recovery.tooManyAttempts' };
          const method = f.method as MoreMethod;
          if (!['legalRep', 'admin', 'operators'].includes(method) || s.proven.includes(method)) return { method: 'recovery.methodInvalid' };
          if (method === 'operators') {
            const e: FieldErrors = {};
            put(e, 'smsCode0', validateCode(f.smsCode0, 'smsCode'));
            put(e, 'smsCode1', validateCode(f.smsCode1, 'smsCode'));
            return e;
          }
          return personErrors(f, ymdInChina(now));
        },
        async handle(f: Record<string, unknown>, s, flow, args) {
          const t = s.target!;
          const method = f.method as MoreMethod;
          if (method === 'operators') {
            if (t.operators.length < 2) fieldErrors({ method: 'recovery.fewOperators' });
            for (const slot of [0, 1] as const) {
              const wrong = await checkFlowCode(s.opSms[slot], () =>
                acts.checkOperatorCode({ flowId: s.flowId, operatorAccountId: t.operators[slot].accountId, slot, code: str(f[`smsCode${slot}`]) }),
              );
              if (wrong) failProof(s, { [`smsCode${slot}`]: wrong });
            }
          } else {
            const ok = await acts.checkPerson({ enterpriseId: t.enterpriseId, accountIds: t.accountIds, who: method, person: person(f) });
            if (!ok) failProof(s, { proof: 'recovery.proofMismatch' });
          }
          s.proven.push(method);
          s.needed -= 1;
          if (s.needed <= 0) {
            if (!t.accountIds.length) failProof(s, { proof: 'recovery.proofMismatch' });
            await found(s, t.accountIds, flow, args.ip);
          }
        },
      },
      // U2 enterprise real-name: the applicant goes to the bank's UKey page; the bank's signed
      // callback arrives as the signal bankVerified and lists every username of the enterprise.
      chooseBank: {
        at: variant === 'admin' ? ['identity', 'more', 'bank'] : [],
        validate: (f: Record<string, unknown>): FieldErrors => validateBankChoice(f),
        async handle(f: Record<string, unknown>, s, flow, args) {
          // 000 §2.3.1.2 step 1: the USCC beside the name and organization code, as the registry has them.
          const uscc = str(f.uscc).toUpperCase();
          if (patched(HANDLER_AND_USCC_CHECKS)) {
            const mismatch = await acts.checkRecoveryUscc({ uscc, enterpriseName: s.enterpriseName ?? '', orgCode: s.orgCode ?? '' });
            if (mismatch) fieldErrors({ uscc: mismatch });
          }
          s.bank = f.bank as string;
          s.uscc = uscc;
          s.bankIp = args.ip;
          s.bankError = undefined;
          flow.goTo('bank');
        },
      },
      requestReview: {
        at: ['identity', 'more', 'bank'],
        async handle(_f, _s, flow) {
          flow.goTo('review');
        },
      },
      submitReview: {
        at: ['review'],
        validate(f: Record<string, unknown>, s, now) {
          const today = ymdInChina(now);
          const e: FieldErrors = { ...captchaErrors(f), ...personErrors(f, today) };
          if (withEnterprise) {
            put(e, 'enterpriseName', validateEnterpriseName(f.enterpriseName));
            put(e, 'orgCode', validateOrgCode(f.orgCode));
            Object.assign(e, personErrors(f, today, 'legalRep'));
          }
          const uploads = f.uploads;
          if (!Array.isArray(uploads) || uploads.length === 0 || uploads.length > MAX_UPLOADS || uploads.some((u) => typeof u !== 'string' || !/^[A-Za-z0-9_-]{10,40}$/.test(u))) {
            e.uploads = 'review.uploadsMissing';
          }
          if (!s.mobile) e._flow = 'flow.wrongStep';
          return e;
        },
        async handle(f: Record<string, unknown>, s, flow, args) {
          const captcha = await acts.verifyCaptcha(f.captchaId as string, f.captcha as string);
          if (captcha) fieldErrors({ captcha });
          const p = person(f);
          const lr = withEnterprise ? person(f, 'legalRep') : { name: '', idType: '', idNumber: '' };
          const result = await acts.submitReviewCase({
            flowId: s.flowId,
            owner: args.owner,
            caseType: 'usernameRecovery',
            accountId: null,
            applicant: {
              username: '',
              mobile: s.mobile!,
              enterpriseName: withEnterprise ? str(f.enterpriseName) : '',
              uscc: '',
              orgCode: withEnterprise ? str(f.orgCode).toUpperCase() : '',
              accountKind: s.variant,
              legalRepName: lr.name,
              legalRepIdType: lr.idType,
              legalRepIdNumber: lr.idNumber,
              legalRepIdValidFrom: str(f.legalRepIdValidFrom),
              legalRepIdValidTo: str(f.legalRepIdValidTo),
              person: { ...p, idValidFrom: str(f.idValidFrom), idValidTo: str(f.idValidTo) },
            },
            uploadIds: f.uploads as string[],
            ip: args.ip,
          });
          if ('errors' in result) fieldErrors(result.errors);
          s.review = { caseId: result.caseId, round: (s.review?.round ?? 0) + 1, escalateAt: result.escalateAt, closeAt: result.closeAt, escalated: false };
          flow.tag({ applicant: `${p.name} ${maskIdNumber(p.idNumber)}` });
          flow.extendUntil(result.escalateAt);
          flow.goTo('waiting');
        },
      },
    },
    signals: {
      [BANK_VERIFIED]: async (s, payload: { flowId?: string; bank?: string; uscc?: string }, flow) => {
        if (!s.bank || s.result || !payload || payload.flowId !== s.flowId || payload.bank !== s.bank || typeof payload.uscc !== 'string') return;
        // The UKey's enterprise must be the USCC typed with the bank (flows from before issue 8 have none).
        const ids = !s.uscc || payload.uscc.toUpperCase() === s.uscc ? await acts.enterpriseAccountsByUscc({ enterpriseId: s.target?.enterpriseId ?? null, uscc: payload.uscc }) : null;
        if (!ids || !ids.length) {
          s.bankError = 'bank.otherEnterprise';
          return;
        }
        await found(s, ids, flow, s.bankIp ?? '');
      },
      [REVIEW_DECIDED]: async (s, payload: { caseId?: number }, flow) => {
        if (!s.review || !payload || payload.caseId !== s.review.caseId) return;
        await applyOutcome(s, flow);
      },
    },
    async onTimeout(s, flow) {
      const r = s.review;
      if (!r) return;
      if (!r.escalated && flow.now() < r.closeAt) {
        await acts.escalateReviewCase({ caseId: r.caseId });
        r.escalated = true;
        flow.extendUntil(r.closeAt);
        return;
      }
      await acts.closeReviewCase({ caseId: r.caseId });
      await applyOutcome(s, flow);
      if (!s.result) {
        s.result = 'closed';
        flow.complete();
      }
    },
  };
}

async function applyOutcome(s: State, flow: FlowControl) {
  const r = s.review!;
  const { outcome, reason } = await acts.finishReview({ flowId: s.flowId, caseId: r.caseId, passwordHash: '', round: r.round });
  if (outcome === 'approved' || outcome === 'rejected' || outcome === 'closed') {
    s.result = outcome;
    s.resultReason = reason;
    flow.complete();
  } else if (outcome === 'moreInfo') {
    r.moreReason = reason;
    flow.goTo('review');
  }
}

export async function usernameRecovery(input: FlowInput<UsernameRecoveryContext>): Promise<FlowView> {
  const variant = VARIANTS.includes(input.context.variant as UsernameRecoveryVariant) ? (input.context.variant as UsernameRecoveryVariant) : 'admin';
  return runFlow(usernameRecoveryFlowFor(variant), input);
}
