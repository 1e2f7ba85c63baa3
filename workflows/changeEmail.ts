// A3 修改邮箱 of a logged-in account (started by POST /api/account/flows, owned by that account in
// that browser): a code to the new address proves it. verify → done.
import { validateEmail } from '../domain/accounts';
import type { FieldErrors } from '../domain/errors';
import { maskEmail } from '../domain/masking';
import { acts } from './activities';
import type { AccountFlowContext } from './changeMobile';
import { checkEmailCode, emailView, EmailState, SendEmailFields, sendEmailCode, validateSendEmail } from './emailCode';
import { fieldErrors, FlowDefinition, runFlow } from './flow';
import type { FlowInput, FlowView } from './flowTypes';

interface ChangeEmailState extends AccountFlowContext {
  mail: EmailState;
  done?: { email: string };
}

interface ConfirmFields {
  email: string;
  emailCode: string;
}

const PURPOSE = 'changeEmail';
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export const changeEmailFlow: FlowDefinition<ChangeEmailState, AccountFlowContext> = {
  type: 'changeEmail',
  steps: ['verify', 'done'],
  init: (ctx) => ({ ...ctx, mail: { sends: 0 } }),
  accountsOf: (s) => [s.accountId],
  view: (s) => ({
    currentEmail: s.current ? maskEmail(s.current) : null,
    ...emailView(s.mail),
    email: s.done ? maskEmail(s.done.email) : null,
  }),
  updates: {
    sendEmailCode: {
      at: ['verify'],
      validate: (f: SendEmailFields, s) => {
        const errors = validateSendEmail(f);
        if (!errors.email && same(f.email as string, s.current)) errors.email = 'email.same';
        return errors;
      },
      async handle(f: SendEmailFields, s, flow) {
        await sendEmailCode({ flowId: s.flowId, purpose: PURPOSE, email: (f.email as string).trim(), mail: s.mail, fields: f, flow });
      },
    },
    confirm: {
      at: ['verify'],
      validate(f: ConfirmFields, s) {
        const errors: FieldErrors = {};
        const email = validateEmail(f.email) ?? (same(f.email, s.current) ? 'email.same' : null);
        if (email) errors.email = email;
        if (typeof f.emailCode !== 'string' || !/^\d{6}$/.test(f.emailCode.trim())) errors.emailCode = f.emailCode ? 'emailCode.format' : 'required';
        else if (!s.mail.email) errors.emailCode = 'emailCode.notSent';
        else if (!email && s.mail.email !== f.email.trim()) errors.emailCode = 'emailCode.mobileChanged';
        return errors;
      },
      async handle(f: ConfirmFields, s, flow, args) {
        const email = f.email.trim();
        await checkEmailCode(s.flowId, PURPOSE, email, f.emailCode.trim());
        const result = await acts.applyEmailChange({ flowId: s.flowId, accountId: s.accountId, email, ip: args.ip });
        if ('error' in result) fieldErrors({ email: result.error });
        s.done = { email };
        flow.complete();
      },
    },
  },
};

export async function changeEmail(input: FlowInput<AccountFlowContext>): Promise<FlowView> {
  return runFlow(changeEmailFlow, input);
}
