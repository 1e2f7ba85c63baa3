// Sessions of every account kind for the tests of the enterprise's management pages: a registered
// administrator (through the real registration flow), its operators (added through the API, their
// password then set directly so no first-login flow is needed), individuals and overseas users
// (written directly: their registration is tested elsewhere).
import { expect } from 'chai';
import { hashPassword } from '../../activities/passwords';
import { sealIdNumber } from '../../activities/identity';
import type { AccountRow, EnterpriseRow } from '../../db';
import { ApiClient } from './apiClient';
import { mobile, residentId, uniqueUsername } from './fixtures';
import type { Harness } from './harness';
import { registerAdmin, RegisteredAdmin } from './journeys';

export const OPERATOR_PASSWORD = 'Oper#2026good';

export interface AdminSession {
  api: ApiClient;
  admin: RegisteredAdmin;
  account: AccountRow;
  enterprise: EnterpriseRow;
}

export async function adminSession(h: Harness, overrides: Record<string, unknown> = {}): Promise<AdminSession> {
  const api = new ApiClient(h.baseUrl);
  const admin = await registerAdmin(api, h.services, overrides);
  const login = await api.login(admin.username, admin.password);
  expect(login.status, JSON.stringify(login.body)).to.equal(200);
  const account = (await h.db.models.Account.findByPk(login.body.account.id))!;
  const enterprise = (await h.db.models.Enterprise.findByPk(account.enterpriseId!))!;
  return { api, admin, account, enterprise };
}

export function operatorFields(overrides: Record<string, unknown> = {}) {
  return {
    username: uniqueUsername('op'),
    name: '操作员乙',
    mobile: mobile(),
    idType: 'resident',
    idNumber: residentId(),
    idValidFrom: '20200101',
    idValidTo: '20400101',
    email: 'op@example.cn',
    ...overrides,
  };
}

/** An operator added by the administrator through the API. */
export async function addOperator(admin: AdminSession, overrides: Record<string, unknown> = {}) {
  const f = operatorFields(overrides);
  const res = await admin.api.post('/api/operators', f);
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return { ...f, id: res.body.id as number };
}

/** Logs an operator in with a password of its own (the first-login flow is tested elsewhere). */
export async function operatorSession(h: Harness, admin: AdminSession, overrides: Record<string, unknown> = {}) {
  const op = await addOperator(admin, overrides);
  await h.db.models.Account.update({ passwordHash: await hashPassword(OPERATOR_PASSWORD), mustChangePassword: false }, { where: { id: op.id } });
  const api = new ApiClient(h.baseUrl);
  const login = await api.login(op.username, OPERATOR_PASSWORD);
  expect(login.status, JSON.stringify(login.body)).to.equal(200);
  return { api, op, account: (await h.db.models.Account.findByPk(op.id))! };
}

/** An account written straight into the database (individual, overseas, or a migrated operator). */
export async function makeAccount(
  h: Harness,
  a: { kind: 'individual' | 'overseas' | 'operator'; enterpriseId?: number | null; username?: string; name?: string; migrated?: boolean; remark?: string; mobile?: string; password?: string },
): Promise<{ account: AccountRow; password: string }> {
  const password = a.password ?? OPERATOR_PASSWORD;
  const username = a.username ?? uniqueUsername(a.kind.slice(0, 3));
  const id = sealIdNumber(h.services.keys, 'resident', residentId());
  const account = await h.db.models.Account.create({
    username, usernameKey: username.toLowerCase(), kind: a.kind, enterpriseId: a.enterpriseId ?? null, adminOf: null,
    name: a.name ?? '测试用户', idType: 'resident', idNumberEnc: id.enc, idNumberHash: id.hash, idNumberMasked: id.masked,
    idValidFrom: '20200101', idValidTo: '20400101', mobile: a.mobile ?? mobile(), email: '', passwordHash: await hashPassword(password),
    mustChangePassword: false, status: 'active', createdBy: 'test', migrated: a.migrated ?? false, remark: a.remark ?? '',
  });
  return { account, password };
}

/** A logged-in individual or overseas user. */
export async function loneSession(h: Harness, kind: 'individual' | 'overseas') {
  const { account, password } = await makeAccount(h, { kind });
  const api = new ApiClient(h.baseUrl);
  const login = await api.login(account.username, password);
  expect(login.status, JSON.stringify(login.body)).to.equal(200);
  return { api, account };
}
