// L3 card login with the card-login rules of R6 and the pre-filled registration form of R7.
// present (challenge signed by the card) → confirmTakeover (rule 2) | register (rules 1, 3, 4) → done.
// A flow that ends with `login` set has proven the card: the API then opens a card session.
import { validateEmail, validateMobile, validateUsername } from '../domain/accounts';
import type { FieldErrors } from '../domain/errors';
import { maskMobile } from '../domain/masking';
import { acts } from './activities';
import { fieldErrors, FlowControl, FlowDefinition, runFlow } from './flow';
import type { FlowInput, FlowView, SealedPassword } from './flowTypes';
import { sealedErrors } from './registration';
import { SendSmsFields, sendSmsCode, SmsState, smsView, validateSendSms } from './smsCode';
import type { CardLoginPlan } from '../activities/cards/login';

interface CardSummary {
  id: number;
  cardNo: string;
  cardType: 'legal' | 'operator';
  holderName: string;
  holderIdType: string;
  holderIdMasked: string;
  enterpriseName: string;
  uscc: string;
}

interface CardLoginState {
  flowId: string;
  card?: CardSummary;
  plan?: CardLoginPlan;
  login?: { accountId: number; cardId: number };
  declined?: boolean;
  sms: SmsState;
  verifiedMobile?: string;
}

interface PresentFields {
  challengeId: string;
  certificate: string;
  signature: string;
}

interface RegisterFields {
  mode: 'auto' | 'form';
  username?: string;
  password?: SealedPassword;
  mobile?: string;
  smsCode?: string;
  email?: string;
  agreement?: boolean;
}

const SMS_PURPOSE = 'cardRegistration';
const isText = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;

async function finishLogin(s: CardLoginState, flow: FlowControl, accountId: number, ip: string) {
  const card = s.card as CardSummary;
  await acts.recordCardLogin({ flowId: s.flowId, cardId: card.id, accountId, ip });
  s.login = { accountId, cardId: card.id };
  flow.complete();
}

export const cardLoginFlow: FlowDefinition<CardLoginState, { flowId: string }> = {
  type: 'cardLogin',
  steps: ['present', 'confirmTakeover', 'register', 'done'],
  init: ({ flowId }) => ({ flowId, sms: { sends: 0 } }),
  view: (s) => ({
    card: s.card ? { ...s.card, id: undefined } : null,
    plan: s.plan ? { action: s.plan.action, ...('kind' in s.plan ? { kind: s.plan.kind, rule: s.plan.rule } : {}), ...('adminUsername' in s.plan ? { adminUsername: s.plan.adminUsername } : {}) } : null,
    loginAccountId: s.login?.accountId ?? null,
    declined: s.declined ?? false,
    ...smsView(s.sms),
    verifiedMobile: s.verifiedMobile ? maskMobile(s.verifiedMobile) : null,
  }),
  updates: {
    present: {
      at: ['present'],
      validate: (f: PresentFields) => {
        const errors: FieldErrors = {};
        if (!isText(f.challengeId, 64) || !isText(f.certificate, 8000) || !isText(f.signature, 400)) errors.card = 'card.challengeForeign';
        return errors;
      },
      async handle(f: PresentFields, s, flow, args) {
        const proof = await acts.verifyCardProof({ challengeId: f.challengeId, owner: args.owner, purpose: 'login', certificate: f.certificate, signature: f.signature });
        if (!proof.ok) fieldErrors({ card: proof.code });
        const c = proof.card;
        s.card = { id: c.id, cardNo: c.cardNo, cardType: c.cardType, holderName: c.holderName, holderIdType: c.holderIdType, holderIdMasked: c.holderIdMasked, enterpriseName: c.enterpriseName, uscc: c.uscc };
        flow.tag({ uscc: c.uscc, applicant: c.cardNo });
        const plan = await acts.planCardLogin(c.id);
        s.plan = plan;
        if (plan.action === 'login') return finishLogin(s, flow, plan.accountId, args.ip);
        if (plan.action === 'bind') {
          // Registered but unbound: the PIN just entered on the card binds it (L3).
          await acts.bindCardToAccount({ cardId: c.id, accountId: plan.accountId, operation: 'bound', actor: { type: 'flow', id: s.flowId, name: c.cardNo }, ip: args.ip, flowId: s.flowId });
          return finishLogin(s, flow, plan.accountId, args.ip);
        }
        flow.goTo(plan.action === 'confirmTakeover' ? 'confirmTakeover' : 'register');
      },
    },
    confirmTakeover: {
      at: ['confirmTakeover'],
      validate: (f: { confirm: boolean }): FieldErrors => (typeof f.confirm === 'boolean' ? {} : { confirm: 'required' }),
      async handle(f: { confirm: boolean }, s, flow, args) {
        const plan = s.plan as Extract<CardLoginPlan, { action: 'confirmTakeover' }>;
        if (!f.confirm) {
          s.declined = true;
          flow.complete();
          return;
        }
        const card = s.card as CardSummary;
        await acts.bindCardToAccount({ cardId: card.id, accountId: plan.accountId, operation: 'takeover', actor: { type: 'flow', id: s.flowId, name: card.cardNo }, ip: args.ip, flowId: s.flowId });
        await finishLogin(s, flow, plan.accountId, args.ip);
      },
    },
    sendSmsCode: {
      at: ['register'],
      validate: (f: SendSmsFields) => validateSendSms(f, true),
      async handle(f: SendSmsFields, s, flow) {
        await sendSmsCode({ flowId: s.flowId, purpose: SMS_PURPOSE, mobile: (f.mobile as string).trim(), sms: s.sms, fields: f, flow });
      },
    },
    register: {
      at: ['register'],
      validate(f: RegisterFields, s) {
        if (f.mode === 'auto') return {};
        if (f.mode !== 'form') return { mode: 'required' };
        const plan = s.plan as Extract<CardLoginPlan, { action: 'register' }>;
        const errors: FieldErrors = { ...sealedErrors(f.password) };
        const put = (k: string, v: string | null) => { if (v) errors[k] = v; };
        put('username', validateUsername(plan.kind, f.username));
        put('mobile', validateMobile(f.mobile));
        if (f.email) put('email', validateEmail(f.email));
        if (f.agreement !== true) errors.agreement = 'agreement.required';
        if (s.verifiedMobile !== f.mobile) {
          if (typeof f.smsCode !== 'string' || !/^\d{6}$/.test(f.smsCode)) errors.smsCode = f.smsCode ? 'sms.format' : 'required';
          else if (!s.sms.mobile) errors.smsCode = 'sms.notSent';
        }
        return errors;
      },
      async handle(f: RegisterFields, s, flow, args) {
        const card = s.card as CardSummary;
        let form;
        if (f.mode === 'form') {
          const mobile = f.mobile as string;
          if (s.verifiedMobile !== mobile) {
            const code = await acts.checkCode({ subject: s.flowId, purpose: SMS_PURPOSE, target: mobile, code: f.smsCode as string });
            if (code) fieldErrors({ smsCode: code });
            s.verifiedMobile = mobile;
          }
          form = { username: f.username as string, passwordHash: (f.password as SealedPassword).hash, mobile, email: f.email ?? '' };
        }
        const result = await acts.createCardAccounts({ flowId: s.flowId, cardId: card.id, form, ip: args.ip });
        if ('errors' in result) fieldErrors(result.errors);
        await finishLogin(s, flow, result.accountId, args.ip);
      },
    },
  },
};

export async function cardLogin(input: FlowInput<{ flowId: string }>): Promise<FlowView> {
  return runFlow(cardLoginFlow, input);
}
