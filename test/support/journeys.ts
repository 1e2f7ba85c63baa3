// Whole user journeys through the API, used by tests that need their result as a starting point.
import { expect } from 'chai';
import type { Services } from '../../activities/services';
import { ApiClient } from './apiClient';
import { GOOD_PASSWORD, knownPerson, mobile, registryEnterprise, residentId, TestEnterprise, uniqueUsername } from './fixtures';

export interface RegisteredAdmin {
  enterprise: TestEnterprise;
  username: string;
  password: string;
  mobile: string;
  flowId: string;
}

export function adminFields(overrides: Record<string, unknown> = {}) {
  return {
    username: uniqueUsername('adm'),
    password: GOOD_PASSWORD,
    confirmPassword: GOOD_PASSWORD,
    name: '管理员甲',
    idType: 'resident',
    idNumber: residentId(),
    email: 'admin@example.cn',
    mobile: mobile(),
    smsCode: '',
    agreement: true,
    ...overrides,
  };
}

/** Starts a registration and passes step 1 with a fresh registry enterprise. */
export async function registrationAtAccountStep(api: ApiClient, services: Services, enterprise?: TestEnterprise) {
  const e = enterprise ?? (await registryEnterprise(services));
  const started = await api.post('/api/flows', { type: 'registration' });
  expect(started.status).to.equal(201);
  const flowId = started.body.flowId as string;
  const step1 = await api.step(flowId, 'enterprise', e);
  expect(step1.status, JSON.stringify(step1.body)).to.equal(200);
  expect(step1.body.step).to.equal('account');
  return { flowId, enterprise: e };
}

export async function sendCode(api: ApiClient, flowId: string, mobileNumber: string) {
  const sent = await api.step(flowId, 'sendSmsCode', { mobile: mobileNumber, ...(await api.captcha()) });
  expect(sent.status, JSON.stringify(sent.body)).to.equal(200);
  return api.lastSmsCode(mobileNumber);
}

export async function registerAdmin(api: ApiClient, services: Services, overrides: Record<string, unknown> = {}): Promise<RegisteredAdmin> {
  const { flowId, enterprise } = await registrationAtAccountStep(api, services);
  const fields = adminFields(overrides);
  if (fields.idType === 'resident') knownPerson(services, fields.name as string, fields.idNumber as string);
  const code = await sendCode(api, flowId, fields.mobile as string);
  const done = await api.step(flowId, 'account', { ...fields, smsCode: code });
  expect(done.status, JSON.stringify(done.body)).to.equal(200);
  expect(done.body.status).to.equal('completed');
  return { enterprise, username: fields.username as string, password: fields.password as string, mobile: fields.mobile as string, flowId };
}
