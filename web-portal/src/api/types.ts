// Shapes of docs/api.md, as the portal sees them.

export type FlowType = 'registration' | 'firstLogin' | 'cardLogin' | 'individualRegistration' | 'overseasRegistration';

/** registration: R2 enterprise (default), R3 public institution, R8 electronic business license. */
export type RegistrationVariant = 'enterprise' | 'institution' | 'elicense';
/** ended: a refusal meant the flow could not go on (endReason: e.g. account.gone). */
export type FlowStatus = 'active' | 'completed' | 'expired' | 'ended';

export interface FlowState {
  flowId: string;
  type: FlowType;
  status: FlowStatus;
  step: string;
  steps: string[];
  expiresAt: string;
  data: Record<string, unknown>;
  endReason?: string;
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
  /** The full address: only for forms that edit it; views show emailMasked, as mobiles are shown. */
  email: string;
  emailMasked: string;
  status: 'active' | 'disabled' | 'inactive';
  createdAt: string;
  lastLoginAt: string | null;
  /** The login before the current one (上次登录); null at the first. */
  previousLoginAt: string | null;
  enterprise?: EnterpriseView | null;
}

export type Operator = Omit<Account, 'enterprise'> & {
  mustChangePassword: boolean;
  /** The operator's bound card, or null. */
  cardNo?: string | null;
  /** O5: the operator has a card and the administrator none; edit and delete are refused. */
  protected?: boolean;
};

/** A flow step's answer; a completed card login also carries the account of its new session. */
export type FlowResult = FlowState & { account?: Account };

export interface PortalConfig {
  cardAgentUrl: string;
  simulators: boolean;
}

/** A proof of card possession (docs/api.md, Cards). */
export interface CardProof {
  challengeId: string;
  certificate: string;
  signature: string;
}

export type CardPurpose = 'login' | 'bind' | 'addOperator' | 'unbind';

export interface CardChallenge {
  challengeId: string;
  challenge: string;
  expiresAt: string;
}

export type CardStatus = 'active' | 'frozen' | 'lost' | 'locked' | 'revoked' | 'expired';

/** GET /api/cards/mine. */
export interface Card {
  cardNo: string;
  cardType: 'legal' | 'operator';
  medium: 'ic' | 'ikey';
  holderName: string;
  holderIdType: string;
  holderIdMasked: string;
  uscc: string;
  enterpriseName: string;
  certSerial: string;
  notBefore: string;
  notAfter: string;
  status: CardStatus | string;
  boundAt: string | null;
}

/** data.card of the cardLogin flow: the read-only fields of the card registration form. */
export interface FlowCard {
  cardNo: string;
  cardType: 'legal' | 'operator';
  holderName: string;
  holderIdType: string;
  holderIdMasked: string;
  enterpriseName: string;
  uscc: string;
}

export type CardLoginPlan =
  | { action: 'confirmTakeover'; adminUsername: string }
  | { action: 'register'; rule: number; kind: 'admin' | 'operator' }
  | { action: 'login' | 'bind' };

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

/** A company whose electronic business license the simulated app can present (R8). */
export interface LicenseHolder {
  uscc: string;
  name: string;
  legalRepName: string;
  legalRepIdNumberMasked: string;
}

/** GET /api/dev/simulators: every simulator's seeded data (development only). */
export interface SimulatorData {
  registry: { uscc: string; orgCode: string; name: string; legalRepName: string; legalRepIdType: string; legalRepIdNumber: string; status: string }[];
  identityPeople: { name: string; idType: string; idNumber: string; validFrom: string; validTo: string; note?: string }[];
  bankCards: { name: string; idNumber: string; cardNo: string; mobile: string; bank: string; note: string }[];
  bankUkey: { banks: string[]; enterprises: { uscc: string; name: string; status: string }[] };
  elicenseHolders: { uscc: string; name: string; legalRepName: string }[];
  mofcomFilings: { uscc: string; nameZh: string; importExportCode: string; filingNo: string; status: string }[];
}
