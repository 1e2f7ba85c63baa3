// The activities the worker registers, bound to this process's services. Each is idempotent:
// Temporal may run one again after a crash, and the second run changes nothing more.
import { verifyCaptcha } from './captcha';
import { checkCode, CheckCodeInput, issueCode, IssueCodeInput } from './codes';
import { checkEnterpriseForRegistration, createEnterpriseAdmin, CreateAdminInput } from './registration';
import { setInitialPassword } from './accounts';
import type { EnterpriseFields } from '../workflows/registration';
import type { Services } from './services';
import { purgeExpired } from './housekeeping';
import { verifyCardProof, CardProofInput } from './cards/proof';
import { bindCardToAccount, createCardAccounts, planCardLogin, recordCardLogin } from './cards/login';

export function createActivities(services: Services) {
  return {
    verifyCaptcha: (captchaId: string, answer: string) => verifyCaptcha(services, captchaId, answer),
    issueCode: (input: IssueCodeInput) => issueCode(services, input),
    checkCode: (input: CheckCodeInput) => checkCode(services, input),
    checkEnterpriseForRegistration: (fields: EnterpriseFields) => checkEnterpriseForRegistration(services, fields),
    createEnterpriseAdmin: (input: CreateAdminInput) => createEnterpriseAdmin(services, input),
    setInitialPassword: (input: { flowId: string; accountId: number; passwordHash: string; ip: string }) => setInitialPassword(services, input),
    verifyCardProof: (input: CardProofInput) => verifyCardProof(services, input),
    planCardLogin: (cardId: number) => planCardLogin(services, cardId),
    bindCardToAccount: (input: Parameters<typeof bindCardToAccount>[1]) => bindCardToAccount(services, input),
    recordCardLogin: (input: Parameters<typeof recordCardLogin>[1]) => recordCardLogin(services, input),
    createCardAccounts: (input: Parameters<typeof createCardAccounts>[1]) => createCardAccounts(services, input),
    purgeExpired: () => purgeExpired(services),
  };
}

export type Activities = ReturnType<typeof createActivities>;
