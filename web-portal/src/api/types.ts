// Shapes of docs/api.md, as the portal sees them.

export type FlowType = 'registration' | 'firstLogin';
export type FlowStatus = 'active' | 'completed' | 'expired';

export interface FlowState {
  flowId: string;
  type: FlowType;
  status: FlowStatus;
  step: string;
  steps: string[];
  expiresAt: string;
  data: Record<string, unknown>;
}

export interface EnterpriseView {
  uscc: string;
  orgCode: string;
  name: string;
  legalRepName: string;
  legalRepIdType: string;
  legalRepIdNumberMasked: string;
  legalRepIdValidFrom: string;
  legalRepIdValidTo: string;
}

export interface Account {
  id: number;
  username: string;
  kind: 'admin' | 'operator';
  name: string;
  idType: string;
  idNumberMasked: string;
  idValidFrom: string;
  idValidTo: string;
  mobile: string;
  email: string;
  status: 'active' | 'disabled';
  createdAt: string;
  lastLoginAt: string | null;
  enterprise?: EnterpriseView | null;
}

export type Operator = Omit<Account, 'enterprise'> & { mustChangePassword: boolean };

export interface Captcha {
  captchaId: string;
  image: string;
}

export type LoginResult = { account: Account } | { next: 'firstLogin'; flowId: string };

export interface OutboxMessage {
  id: number | string;
  channel: 'sms' | 'mail';
  to: string;
  body: string;
  createdAt: string;
}

/** One field's problem: a code from domain/errors.ts, and the server's sentence when it sent one. */
export interface FieldProblem {
  code: string;
  message?: string;
}

export type FieldProblems = Record<string, FieldProblem>;
