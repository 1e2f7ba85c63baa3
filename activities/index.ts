// The activities the worker registers, bound to this process's services. Each is idempotent:
// Temporal may run one again after a crash, and the second run changes nothing more.
import { verifyCaptcha } from './captcha';
import { checkCode, CheckCodeInput, issueCode, IssueCodeInput } from './codes';
import { checkEnterpriseForRegistration, createEnterpriseAdmin, CreateAdminInput } from './registration';
import { setInitialPassword } from './accounts';
import { requireOpenAccount } from './refusal';
import { createIndividualAccount, CreateIndividualInput, createOverseasAccount, CreateOverseasInput } from './registrationTypes';
import type { EnterpriseFields } from '../workflows/registration';
import type { Services } from './services';
import { checkRecoveryLicense, checkRecoveryProof, lookupRecoveryAccount, recoveryCodeTarget, resetRecoveredPassword, sendRecoveryCode } from './recovery';
import { closeReviewCase, escalateReviewCase, finishReview, submitReviewCase } from './reviews';
import { accountsOfPerson, checkOperatorCode, checkPerson, checkRecoveryUscc, enterpriseAccountsByUscc, findUsernameRecoveryTarget, personKnown, realNameAccounts, sendOperatorCode, usernamesOf } from './usernameRecovery';
import { purgeExpired } from './housekeeping';
import { applyEmailChange, applyMobileChange, checkAccountIdDocument } from './accountCenter';
import { checkMobileLogin, issueMobileLoginCode } from './mobileLogin';
import { verifyCardProof, CardProofInput } from './cards/proof';
import { bindCardToAccount, createCardAccounts, planCardLogin, recordCardLogin } from './cards/login';

export function createActivities(services: Services) {
  return {
    verifyCaptcha: (captchaId: string, answer: string) => verifyCaptcha(services, captchaId, answer),
    issueCode: (input: IssueCodeInput) => issueCode(services, input),
    checkCode: (input: CheckCodeInput) => checkCode(services, input),
    checkEnterpriseForRegistration: (fields: EnterpriseFields) => checkEnterpriseForRegistration(services, fields),
    createEnterpriseAdmin: (input: CreateAdminInput) => createEnterpriseAdmin(services, input),
    createIndividualAccount: (input: CreateIndividualInput) => createIndividualAccount(services, input),
    createOverseasAccount: (input: CreateOverseasInput) => createOverseasAccount(services, input),
    setInitialPassword: (input: { flowId: string; accountId: number; passwordHash: string; ip: string }) => setInitialPassword(services, input),
    requireOpenAccount: (input: { accountId: number }) => requireOpenAccount(services, input),
    verifyCardProof: (input: CardProofInput) => verifyCardProof(services, input),
    planCardLogin: (cardId: number) => planCardLogin(services, cardId),
    bindCardToAccount: (input: Parameters<typeof bindCardToAccount>[1]) => bindCardToAccount(services, input),
    recordCardLogin: (input: Parameters<typeof recordCardLogin>[1]) => recordCardLogin(services, input),
    createCardAccounts: (input: Parameters<typeof createCardAccounts>[1]) => createCardAccounts(services, input),
    purgeExpired: () => purgeExpired(services),
    checkAccountIdDocument: (input: Parameters<typeof checkAccountIdDocument>[1]) => checkAccountIdDocument(services, input),
    applyMobileChange: (input: Parameters<typeof applyMobileChange>[1]) => applyMobileChange(services, input),
    applyEmailChange: (input: Parameters<typeof applyEmailChange>[1]) => applyEmailChange(services, input),
    issueMobileLoginCode: (input: IssueCodeInput) => issueMobileLoginCode(services, input),
    checkMobileLogin: (input: Parameters<typeof checkMobileLogin>[1]) => checkMobileLogin(services, input),
    lookupRecoveryAccount: (input: Parameters<typeof lookupRecoveryAccount>[1]) => lookupRecoveryAccount(services, input),
    sendRecoveryCode: (input: Parameters<typeof sendRecoveryCode>[1]) => sendRecoveryCode(services, input),
    recoveryCodeTarget: (input: Parameters<typeof recoveryCodeTarget>[1]) => recoveryCodeTarget(services, input),
    checkRecoveryProof: (input: Parameters<typeof checkRecoveryProof>[1]) => checkRecoveryProof(services, input),
    checkRecoveryLicense: (input: Parameters<typeof checkRecoveryLicense>[1]) => checkRecoveryLicense(services, input),
    resetRecoveredPassword: (input: Parameters<typeof resetRecoveredPassword>[1]) => resetRecoveredPassword(services, input),
    submitReviewCase: (input: Parameters<typeof submitReviewCase>[1]) => submitReviewCase(services, input),
    finishReview: (input: Parameters<typeof finishReview>[1]) => finishReview(services, input),
    escalateReviewCase: (input: Parameters<typeof escalateReviewCase>[1]) => escalateReviewCase(services, input),
    closeReviewCase: (input: Parameters<typeof closeReviewCase>[1]) => closeReviewCase(services, input),
    findUsernameRecoveryTarget: (input: Parameters<typeof findUsernameRecoveryTarget>[1]) => findUsernameRecoveryTarget(services, input),
    checkPerson: (input: Parameters<typeof checkPerson>[1]) => checkPerson(services, input),
    accountsOfPerson: (input: Parameters<typeof accountsOfPerson>[1]) => accountsOfPerson(services, input),
    sendOperatorCode: (input: Parameters<typeof sendOperatorCode>[1]) => sendOperatorCode(services, input),
    checkOperatorCode: (input: Parameters<typeof checkOperatorCode>[1]) => checkOperatorCode(services, input),
    usernamesOf: (input: Parameters<typeof usernamesOf>[1]) => usernamesOf(services, input),
    enterpriseAccountsByUscc: (input: Parameters<typeof enterpriseAccountsByUscc>[1]) => enterpriseAccountsByUscc(services, input),
    realNameAccounts: (input: Parameters<typeof realNameAccounts>[1]) => realNameAccounts(services, input),
    personKnown: (input: Parameters<typeof personKnown>[1]) => personKnown(services, input),
    checkRecoveryUscc: (input: Parameters<typeof checkRecoveryUscc>[1]) => checkRecoveryUscc(services, input),
  };
}

export type Activities = ReturnType<typeof createActivities>;
