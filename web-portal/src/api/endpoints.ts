// One function per route of docs/api.md that the portal calls.
import { api } from './client';
import type { Account, Captcha, Card, CardChallenge, CardProof, CardPurpose, FlowResult, FlowState, FlowType, LicenseHolder, LoginResult, Operator, OutboxMessage, PortalConfig, SimulatorData } from './types';

const flowPath = (flowId: string) => `/api/flows/${encodeURIComponent(flowId)}`;

export const captchaApi = {
  fetch: () => api.get<Captcha>('/api/captcha'),
};

export const flowsApi = {
  start: (type: FlowType, variant?: string) => api.post<FlowState>('/api/flows', variant ? { type, variant } : { type }),
  get: (flowId: string) => api.get<FlowState>(flowPath(flowId)),
  step: (flowId: string, step: string, fields: Record<string, unknown>) =>
    api.post<FlowResult>(`${flowPath(flowId)}/steps/${encodeURIComponent(step)}`, { fields }),
};

export const sessionApi = {
  login: (body: { username: string; password: string; captchaId: string; captcha: string }) =>
    api.post<LoginResult>('/api/session/login', body),
  logout: () => api.post<void>('/api/session/logout'),
  current: () => api.get<{ account: Account }>('/api/session'),
  /** Who is logged in, without failing when nobody is (the logged-out pages ask this). */
  status: () => api.get<{ account: Account | null }>('/api/session/status'),
};

export const accountApi = {
  get: () => api.get<Account>('/api/account'),
  changePassword: (body: { oldPassword: string; password: string; confirmPassword: string }) =>
    api.post<void>('/api/account/password', body),
  /** A4: only in a card session of an inactive account. */
  activate: (body: { password: string; confirmPassword: string }) => api.post<Account>('/api/account/activate', body),
};

/** R8 and P2: the QR code of a flow waiting for an electronic-business-license scan. */
export const elicenseApi = {
  qr: (flowId: string) => api.get<{ url: string | null; image: string | null }>(`/api/elicense/qr/${encodeURIComponent(flowId)}`),
};

export const configApi = {
  get: () => api.get<PortalConfig>('/api/config'),
};

export const cardsApi = {
  challenge: (purpose: CardPurpose) => api.post<CardChallenge>('/api/card-challenges', { purpose }),
  mine: () => api.get<{ card: Card | null }>('/api/cards/mine'),
  bind: (proof: CardProof) => api.post<{ card: Card }>('/api/cards/mine', proof),
  /** Without a proof only in a session the bound card opened (else 403 card.proofRequired). */
  unbind: (proof?: CardProof) => api.del<void>('/api/cards/mine', proof),
};

export const operatorsApi = {
  list: () => api.get<{ items: Operator[] }>('/api/operators'),
  create: (body: Record<string, string>) => api.post<Operator>('/api/operators', body),
  /** O3: name and ID come from the operator's card. */
  createWithCard: (body: CardProof & { username: string; mobile: string; email?: string }) =>
    api.post<Operator>('/api/operators/with-card', body),
  update: (id: number, body: { name: string; mobile: string; email: string; status: 'active' | 'disabled' }) =>
    api.put<Operator>(`/api/operators/${encodeURIComponent(String(id))}`, body),
  remove: (id: number) => api.del<void>(`/api/operators/${encodeURIComponent(String(id))}`),
};

export const devApi = {
  outbox: () => api.get<{ items: OutboxMessage[] }>('/api/dev/outbox'),
  /** Every simulator's seeded data (page /dev/simulators). */
  simulators: () => api.get<SimulatorData>('/api/dev/simulators'),
  /** R8 simulator: the electronic-business-license app. */
  licenseHolders: () => api.get<{ items: LicenseHolder[] }>('/api/dev/elicense/holders'),
  licenseScan: (flowId: string, uscc: string) => api.post<{ delivered: true; flowId: string; uscc: string }>('/api/dev/elicense/scan', { flowId, uscc }),
};
