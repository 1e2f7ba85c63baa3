// The activities the worker registers, bound to this process's services. Each is idempotent:
// Temporal may run one again after a crash, and the second run changes nothing more.
import { verifyCaptcha } from './captcha';
import { checkCode, CheckCodeInput, issueCode, IssueCodeInput } from './codes';
import { checkEnterpriseForRegistration, createEnterpriseAdmin, CreateAdminInput } from './registration';
import { setInitialPassword } from './accounts';
import type { EnterpriseFields } from '../workflows/registration';
import type { Services } from './services';

export function createActivities(services: Services) {
  return {
    verifyCaptcha: (captchaId: string, answer: string) => verifyCaptcha(services, captchaId, answer),
    issueCode: (input: IssueCodeInput) => issueCode(services, input),
    checkCode: (input: CheckCodeInput) => checkCode(services, input),
    checkEnterpriseForRegistration: (fields: EnterpriseFields) => checkEnterpriseForRegistration(services, fields),
    createEnterpriseAdmin: (input: CreateAdminInput) => createEnterpriseAdmin(services, input),
    setInitialPassword: (input: { flowId: string; accountId: number; passwordHash: string; ip: string }) => setInitialPassword(services, input),
  };
}

export type Activities = ReturnType<typeof createActivities>;
