// One function per route of docs/api.md that the portal calls.
import { api } from './client';
import type { Account, Captcha, FlowState, FlowType, LoginResult, Operator, OutboxMessage } from './types';

const flowPath = (flowId: string) => `/api/flows/${encodeURIComponent(flowId)}`;

export const captchaApi = {
  fetch: () => api.get<Captcha>('/api/captcha'),
};

export const flowsApi = {
  start: (type: FlowType) => api.post<FlowState>('/api/flows', { type }),
  get: (flowId: string) => api.get<FlowState>(flowPath(flowId)),
  step: (flowId: string, step: string, fields: Record<string, unknown>) =>
    api.post<FlowState>(`${flowPath(flowId)}/steps/${encodeURIComponent(step)}`, { fields }),
};

export const sessionApi = {
  login: (body: { username: string; password: string; captchaId: string; captcha: string }) =>
    api.post<LoginResult>('/api/session/login', body),
  logout: () => api.post<void>('/api/session/logout'),
  current: () => api.get<{ account: Account }>('/api/session'),
};

export const accountApi = {
  get: () => api.get<Account>('/api/account'),
  changePassword: (body: { oldPassword: string; password: string; confirmPassword: string }) =>
    api.post<void>('/api/account/password', body),
};

export const operatorsApi = {
  list: () => api.get<{ items: Operator[] }>('/api/operators'),
  create: (body: Record<string, string>) => api.post<Operator>('/api/operators', body),
};

export const devApi = {
  outbox: () => api.get<{ items: OutboxMessage[] }>('/api/dev/outbox'),
};
