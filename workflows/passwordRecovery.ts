// P1–P3: password recovery. username (+ captcha) → verify (a method of the account type: bound
// mobile SMS, bound e-mail code, account-owner information, legal-representative information with
// the operator's mobile SMS) → reset (new password) → done. When the legal-representative check
// fails the applicant may submit for manual review (step 'review'): pre-filled information,
// uploaded images and the new password chosen up front; the flow then waits ('waiting') for a
// clerk's decision (signal reviewDecided), escalates at the first deadline and closes at the last.
import { patched, workflowInfo } from '@temporalio/workflow';
import { maskIdNumber, maskMobile } from '../domain/masking';
import type { FieldErrors } from '../domain/errors';
import { MAX_UPLOADS, RECOVERY_METHODS, RecoveryMethodName, validateCode, validateLegalRepProof, validateOwnerProof } from '../domain/recoveryForms';
import type { RecoveryAccount } from '../activities/recovery';
import type { LicenseScanned } from './registration';
import { acts } from './activities';
import { fieldErrors, FlowControl, FlowDefinition, runFlow, ymdInChina } from './flow';
import { LICENSE_SCANNED, REVIEW_DECIDED, type FlowInput, type FlowView, type SealedPassword } from './flowTypes';
import { sealedErrors } from './registration';
import { codeSpent, MAX_SENDS, RESEND_AFTER_MS, SmsState, smsView, spendCode } from './smsCode';

export const MAX_PROOF_FAILURES = 5;
const PURPOSE = 'passwordRecovery';
/**
 * Issue 8: every code single use (and the stand-in's decoy code). Flows started before it replay
 * their history as they ran (a review may wait for days across a deploy): patched() is false there.
 */
const SINGLE_USE_CODES = 'issue8-single-use-codes';

export interface PasswordRecoveryContext {
  flowId: string;
}

interface LegalRepPrefill {
  enterpriseName: string;
  uscc: string;
  legalRepName: string;
  legalRepIdType: string;
  legalRepIdNumber: string;
  legalRepIdValidFrom: string;
  legalRepIdValidTo: string;
  mobile: string;
}

interface ReviewState {
  caseId: number;
  round: number;
  passwordHash: string;
  escalateAt: number;
  closeAt: number;
  escalated: boolean;
  moreReason?: string;
  ip: string; // the applicant's address at submission: the audit row of a reset a clerk approves
}

interface State {
  flowId: string;
  typedUsername?: string;
  account?: RecoveryAccount;
  method?: RecoveryMethodName;
  sms: SmsState; // codes to the bound mobile or the operator's mobile
  mail: SmsState; // codes to the bound e-mail
  failures: number; // wrong proofs of any method, for the whole flow
  verifiedMobile?: string; // the operator's mobile proven by SMS (legal-representative method): the review's contact
  proven?: boolean; // a proof passed: the account is known to the applicant (step reset)
  prefill?: LegalRepPrefill; // the legal-representative information that failed: manual review offered
  licenseError?: string; // P2 electronic business license: why the last scanned license was refused
  review?: ReviewState;
  result?: 'reset' | 'approved' | 'rejected' | 'closed';
  resultReason?: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

function captchaErrors(f: { captchaId?: unknown; captcha?: unknown }): FieldErrors {
  if (typeof f.captcha !== 'string' || !f.captcha.trim()) return { captcha: 'required' };
  if (typeof f.captchaId !== 'string' || !f.captchaId) return { captcha: 'captcha.expired' };
  return {};
}

async function checkCaptcha(f: Record<string, unknown>) {
  const captcha = await acts.verifyCaptcha(f.captchaId as string, f.captcha as string);
  if (captcha) fieldErrors({ captcha });
}

function failProof(s: State, errors: FieldErrors): never {
  s.failures += 1;
  if (s.failures >= MAX_PROOF_FAILURES) fieldErrors({ proof: 'recovery.tooManyAttempts' });
  fieldErrors(errors);
}

async function sendCode(s: State, box: SmsState, flow: FlowControl, method: RecoveryMethodName, typedMobile: string | undefined, field: 'smsCode' | 'emailCode') {
  const prefix = field === 'smsCode' ? 'sms' : 'emailCode';
  if (box.sends >= MAX_SENDS) fieldErrors({ [field]: `${prefix}.tooManySends` });
  if (box.lastSentAt !== undefined && flow.now() - box.lastSentAt < RESEND_AFTER_MS) fieldErrors({ [field]: `${prefix}.tooSoon` });
  await acts.sendRecoveryCode({
    flowId: s.flowId,
    accountId: s.account?.accountId ?? null,
    method,
    typedMobile,
    sendKey: `${s.flowId}:${PURPOSE}:${field}:${box.sends + 1}`,
  });
  box.mobile = typedMobile ?? method;
  box.lastSentAt = flow.now();
  box.sends += 1;
}

/**
 * Checks a code of a method. A stand-in account (no such username) has a decoy code kept like a
 * real one, so a wrong code costs and counts the same. An accepted code is spent for the flow.
 */
async function checkMethodCode(s: State, box: SmsState, method: RecoveryMethodName, code: string, typedMobile?: string): Promise<string | null> {
  const channel = method === 'email' ? 'mail' : 'sms';
  if (codeSpent(box) && patched(SINGLE_USE_CODES)) return channel === 'mail' ? 'emailCode.expired' : 'sms.expired';
  const target = await acts.recoveryCodeTarget({ accountId: s.account?.accountId ?? null, method, typedMobile });
  if (!target) return channel === 'mail' ? 'emailCode.wrong' : 'sms.wrong'; // only in histories from before the decoy code
  const wrong = await acts.checkCode({ subject: s.flowId, purpose: PURPOSE, target, code, channel });
  if (!wrong) spendCode(box);
  return wrong;
}

function applicantOf(f: Record<string, unknown>, s: State) {
  const prefill = s.prefill as LegalRepPrefill;
  // A masked or empty ID number keeps the one typed before (the view shows it masked).
  const typedId = str(f.legalRepIdNumber).toUpperCase();
  return {
    username: s.account?.username ?? s.typedUsername ?? '',
    mobile: str(f.mobile),
    enterpriseName: str(f.enterpriseName),
    uscc: str(f.uscc).toUpperCase(),
    legalRepName: str(f.legalRepName),
    legalRepIdType: str(f.legalRepIdType),
    legalRepIdNumber: !typedId || typedId.includes('*') ? prefill.legalRepIdNumber : typedId,
    legalRepIdValidFrom: str(f.legalRepIdValidFrom),
    legalRepIdValidTo: str(f.legalRepIdValidTo),
  };
}

export const passwordRecoveryFlow: FlowDefinition<State, PasswordRecoveryContext> = {
  type: 'passwordRecovery',
  steps: ['username', 'verify', 'reset', 'done'],
  init: ({ flowId }) => ({ flowId, sms: { sends: 0 }, mail: { sends: 0 }, failures: 0 }),
  // Only once proven: before, ending the flow would tell that the typed username exists.
  accountsOf: (s) => (s.proven && s.account?.accountId ? [s.account.accountId] : []),
  view: (s) => ({
    // The account's own spelling of the username only once it is proven (step 4 shows it).
    username: s.result && s.account ? s.account.username : s.typedUsername ?? null,
    methods: s.account?.methods ?? [],
    method: s.method ?? null,
    boundMobile: s.method === 'mobile' ? s.account?.mobileMasked ?? null : null,
    boundEmail: s.method === 'email' ? s.account?.emailMasked ?? null : null,
    ...smsView(s.sms),
    smsSentTo: s.sms.mobile === 'mobile' ? s.account?.mobileMasked ?? null : s.sms.mobile ? maskMobile(s.sms.mobile) : null,
    emailSentTo: s.mail.sends > 0 ? s.account?.emailMasked ?? null : null,
    emailSendsLeft: MAX_SENDS - s.mail.sends,
    // The portal's countdown on 获取验证码 for the e-mail method (a stand-in's answers look the same).
    emailResendAfter: s.mail.lastSentAt !== undefined ? new Date(s.mail.lastSentAt + RESEND_AFTER_MS).toISOString() : null,
    attemptsLeft: Math.max(0, MAX_PROOF_FAILURES - s.failures),
    licenseError: s.method === 'elicense' ? s.licenseError ?? null : null,
    manualReviewAvailable: !!s.prefill,
    prefill: s.prefill ? { ...s.prefill, legalRepIdNumber: maskIdNumber(s.prefill.legalRepIdNumber) } : null,
    review: s.review
      ? { caseId: s.review.caseId, round: s.review.round, escalated: s.review.escalated, moreReason: s.review.moreReason ?? null }
      : null,
    result: s.result ?? null,
    resultReason: s.resultReason ?? null,
  }),
  updates: {
    username: {
      at: ['username', 'verify'],
      validate(f: { username?: unknown; captchaId?: unknown; captcha?: unknown }) {
        const errors: FieldErrors = { ...captchaErrors(f) };
        const u = str(f.username);
        if (!u) errors.username = 'required';
        else if (u.length > 40) errors.username = 'username.length';
        return errors;
      },
      async handle(f: Record<string, unknown>, s, flow) {
        await checkCaptcha(f);
        s.typedUsername = str(f.username);
        s.account = await acts.lookupRecoveryAccount({ username: s.typedUsername });
        s.method = undefined;
        s.prefill = undefined;
        flow.goTo('verify');
      },
    },
    chooseMethod: {
      at: ['verify'],
      validate(f: { method?: unknown }, s): FieldErrors {
        if (!s.account || !s.account.methods.includes(f.method as never)) return { method: 'recovery.methodInvalid' };
        return {};
      },
      async handle(f: { method: RecoveryMethodName }, s) {
        // 身份信息不完整: the account lacks what this method needs.
        if (s.account!.incomplete.includes(f.method)) fieldErrors({ method: 'recovery.identityIncomplete' });
        s.method = f.method;
        s.licenseError = undefined;
      },
    },
    sendSmsCode: {
      at: ['verify', 'review'],
      validate(f: { mobile?: unknown; captchaId?: unknown; captcha?: unknown }, s) {
        const errors = captchaErrors(f);
        if (s.method !== 'mobile' && s.method !== 'legalRep') errors.method = 'recovery.methodInvalid';
        if (s.method === 'legalRep' && !/^1\d{10}$/.test(str(f.mobile))) errors.mobile = str(f.mobile) ? 'mobile.format' : 'required';
        return errors;
      },
      async handle(f: Record<string, unknown>, s, flow) {
        await checkCaptcha(f);
        await sendCode(s, s.sms, flow, s.method!, s.method === 'legalRep' ? str(f.mobile) : undefined, 'smsCode');
      },
    },
    sendEmailCode: {
      at: ['verify'],
      validate(f: { captchaId?: unknown; captcha?: unknown }, s) {
        const errors = captchaErrors(f);
        if (s.method !== 'email') errors.method = 'recovery.methodInvalid';
        return errors;
      },
      async handle(f, s, flow) {
        await checkCaptcha(f);
        await sendCode(s, s.mail, flow, 'email', undefined, 'emailCode');
      },
    },
    verify: {
      at: ['verify'],
      validate(f: Record<string, unknown>, s, now) {
        // elicense proves itself through the provider's signed callback (signal licenseScanned), never a step.
        if (!s.method || !RECOVERY_METHODS.includes(s.method) || s.method === 'elicense') return { method: 'recovery.methodInvalid' };
        if (s.failures >= MAX_PROOF_FAILURES) return { proof: 'recovery.tooManyAttempts' };
        const errors: FieldErrors = {};
        if (s.method === 'mobile') {
          const c = validateCode(f.smsCode, 'smsCode');
          if (c) errors.smsCode = c;
          else if (!s.sms.sends) errors.smsCode = 'sms.notSent';
        } else if (s.method === 'email') {
          const c = validateCode(f.emailCode, 'emailCode');
          if (c) errors.emailCode = c;
          else if (!s.mail.sends) errors.emailCode = 'emailCode.notSent';
        } else if (s.method === 'owner') {
          Object.assign(errors, validateOwnerProof(f, ymdInChina(now)));
        } else {
          Object.assign(errors, validateLegalRepProof(f, ymdInChina(now)));
          // Every attempt needs a fresh code, even for a mobile proven before in this flow.
          const c = validateCode(f.smsCode, 'smsCode');
          if (c) errors.smsCode = c;
          else if (!s.sms.sends) errors.smsCode = 'sms.notSent';
        }
        return errors;
      },
      async handle(f: Record<string, unknown>, s, flow) {
        const method = s.method!;
        if (method === 'mobile' || method === 'email') {
          const field = method === 'mobile' ? 'smsCode' : 'emailCode';
          const wrong = await checkMethodCode(s, method === 'mobile' ? s.sms : s.mail, method, str(f[field]));
          if (wrong) failProof(s, { [field]: wrong });
        } else if (method === 'owner') {
          const ok = await acts.checkRecoveryProof({
            accountId: s.account?.accountId ?? null,
            method: 'owner',
            owner: { name: str(f.name), idType: str(f.idType), idNumber: str(f.idNumber).toUpperCase() },
          });
          if (!ok) failProof(s, { proof: 'recovery.proofMismatch' });
        } else {
          const mobile = str(f.mobile);
          // Every attempt spends a fresh code (histories from before issue 8 skipped it for a proven mobile).
          if (patched(SINGLE_USE_CODES) || s.verifiedMobile !== mobile) {
            const wrong = await checkMethodCode(s, s.sms, 'legalRep', str(f.smsCode), mobile);
            if (wrong) failProof(s, { smsCode: wrong });
          }
          s.verifiedMobile = mobile;
          const legalRep = {
            enterpriseName: str(f.enterpriseName),
            uscc: str(f.uscc).toUpperCase(),
            legalRepName: str(f.legalRepName),
            legalRepIdType: str(f.legalRepIdType),
            legalRepIdNumber: str(f.legalRepIdNumber).toUpperCase(),
          };
          const ok = await acts.checkRecoveryProof({
            accountId: s.account?.accountId ?? null, method: 'legalRep',
            legalRep: { ...legalRep, legalRepIdValidFrom: str(f.legalRepIdValidFrom), legalRepIdValidTo: str(f.legalRepIdValidTo) },
          });
          if (!ok) {
            // 企业信息填写有误 …或点击“提交人工审核”: the filled information becomes the review's prefill.
            s.prefill = { ...legalRep, legalRepIdValidFrom: str(f.legalRepIdValidFrom), legalRepIdValidTo: str(f.legalRepIdValidTo), mobile };
            failProof(s, { proof: 'recovery.legalRepMismatch' });
          }
        }
        s.proven = true;
        flow.tag({ applicant: s.account!.username });
        flow.goTo('reset');
      },
    },
    reset: {
      at: ['reset'],
      validate: (f: { password?: SealedPassword }) => sealedErrors(f.password),
      async handle(f: { password: SealedPassword }, s, flow, args) {
        await acts.resetRecoveredPassword({ flowId: s.flowId, accountId: s.account!.accountId as number, passwordHash: f.password.hash, ip: args.ip, via: s.method ?? '', provenSince: workflowInfo().startTime.getTime() });
        s.result = 'reset';
        flow.complete();
      },
    },
    requestReview: {
      at: ['verify'],
      validate: (_f, s): FieldErrors => (s.prefill ? {} : { _flow: 'flow.wrongStep' }),
      async handle(_f, s, flow) {
        flow.goTo('review');
      },
    },
    submitReview: {
      at: ['review'],
      validate(f: Record<string, unknown>, s, now) {
        const errors: FieldErrors = { ...captchaErrors(f), ...sealedErrors(f.password as SealedPassword) };
        const idNumber = str(f.legalRepIdNumber);
        const withId = !idNumber || idNumber.includes('*') ? { ...f, legalRepIdNumber: s.prefill?.legalRepIdNumber } : f;
        Object.assign(errors, validateLegalRepProof(withId, ymdInChina(now), { validity: true }));
        const uploads = f.uploads;
        if (!Array.isArray(uploads) || uploads.length === 0) errors.uploads = 'review.uploadsMissing';
        else if (uploads.length > MAX_UPLOADS || uploads.some((u) => typeof u !== 'string' || !/^[A-Za-z0-9_-]{10,40}$/.test(u))) errors.uploads = 'review.uploadsMissing';
        if (str(f.mobile) !== s.verifiedMobile && !errors.mobile) {
          const c = validateCode(f.smsCode, 'smsCode');
          if (c) errors.smsCode = c;
        }
        return errors;
      },
      async handle(f: Record<string, unknown>, s, flow, args) {
        await checkCaptcha(f);
        const applicant = applicantOf(f, s);
        if (applicant.mobile !== s.verifiedMobile) {
          const wrong = await checkMethodCode(s, s.sms, 'legalRep', str(f.smsCode), applicant.mobile);
          if (wrong) fieldErrors({ smsCode: wrong });
          s.verifiedMobile = applicant.mobile;
        }
        const result = await acts.submitReviewCase({
          flowId: s.flowId,
          owner: args.owner,
          caseType: 'passwordRecovery',
          accountId: s.account?.accountId ?? null,
          applicant,
          uploadIds: f.uploads as string[],
          ip: args.ip,
        });
        if ('errors' in result) fieldErrors(result.errors);
        s.review = {
          caseId: result.caseId,
          round: (s.review?.round ?? 0) + 1,
          passwordHash: (f.password as SealedPassword).hash,
          escalateAt: result.escalateAt,
          closeAt: result.closeAt,
          escalated: false,
          ip: args.ip,
        };
        flow.tag({ applicant: applicant.username, uscc: applicant.uscc });
        flow.extendUntil(result.escalateAt);
        flow.goTo('waiting');
      },
    },
  },
  signals: {
    // The API has written the clerk's decision to the case; the flow applies it.
    [REVIEW_DECIDED]: async (s, payload: { caseId?: number }, flow) => {
      if (!s.review || !payload || payload.caseId !== s.review.caseId) return;
      await applyOutcome(s, flow);
    },
    // P2 electronic business license: the provider's callback (signature and age verified by the API).
    [LICENSE_SCANNED]: async (s, payload: LicenseScanned, flow) => {
      if (s.method !== 'elicense' || s.result || s.review || !payload || payload.flowId !== s.flowId || !payload.license) return;
      if (s.failures >= MAX_PROOF_FAILURES) {
        s.licenseError = 'recovery.tooManyAttempts';
        return;
      }
      const ok = await acts.checkRecoveryLicense({ accountId: s.account?.accountId ?? null, license: payload.license });
      if (!ok) {
        s.failures += 1;
        s.licenseError = 'recovery.proofMismatch';
        return;
      }
      s.licenseError = undefined;
      s.proven = true;
      flow.tag({ applicant: s.account!.username });
      flow.goTo('reset');
    },
  },
  async onTimeout(s, flow) {
    const r = s.review;
    if (!r) return; // an ordinary flow expiry
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

async function applyOutcome(s: State, flow: FlowControl) {
  const r = s.review!;
  const { outcome, reason } = await acts.finishReview({ flowId: s.flowId, caseId: r.caseId, passwordHash: r.passwordHash, round: r.round, ip: r.ip });
  if (outcome === 'approved' || outcome === 'rejected' || outcome === 'closed') {
    s.result = outcome;
    s.resultReason = reason;
    r.passwordHash = ''; // applied or void: not kept in the state any longer
    flow.complete();
  } else if (outcome === 'moreInfo') {
    r.moreReason = reason;
    flow.goTo('review');
  }
}

export async function passwordRecovery(input: FlowInput<PasswordRecoveryContext>): Promise<FlowView> {
  return runFlow(passwordRecoveryFlow, input);
}
