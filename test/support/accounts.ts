// Logged-in accounts of every type for the account-center tests: a registered administrator
// (through the real registration flow) and operators, individuals, overseas and migrated users
// written straight into the database with a known identity and password.
import { expect } from 'chai';
import { sealIdNumber } from '../../activities/identity';
import { hashPassword } from '../../activities/passwords';
import type { AccountAttrs, AccountRow, EnterpriseRow } from '../../db';
import { ApiClient } from './apiClient';
import { GOOD_PASSWORD, knownPerson, mobile, newUscc, residentId, uniqueUsername } from './fixtures';
import type { Harness } from './harness';
import { registerAdmin, RegisteredAdmin } from './journeys';

export interface Session {
  api: ApiClient;
  account: AccountRow;
  idNumber: string; // the owner's full ID number, as the user knows it
  password: string;
}

export interface AdminSession extends Session {
  admin: RegisteredAdmin;
  enterprise: EnterpriseRow;
}

let passwordHash: Promise<string> | undefined;

export async function login(h: Harness, username: string, password = GOOD_PASSWORD): Promise<ApiClient> {
  const api = new ApiClient(h.baseUrl);
  const res = await api.login(username, password);
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
  return api;
}

/** A newly registered enterprise with its administrator, logged in. */
export async function adminSession(h: Harness, overrides: Record<string, unknown> = {}): Promise<AdminSession> {
  const api = new ApiClient(h.baseUrl);
  const idNumber = (overrides.idNumber as string) ?? residentId();
  const admin = await registerAdmin(api, h.services, { idNumber, ...overrides });
  const res = await api.login(admin.username, admin.password);
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
  const account = (await h.db.models.Account.findByPk(res.body.account.id))!;
  const enterprise = (await h.db.models.Enterprise.findByPk(account.enterpriseId!))!;
  return { api, admin, account, enterprise, idNumber, password: admin.password };
}

/** An account written straight into the database, then logged in. */
export async function accountSession(
  h: Harness,
  a: { kind: AccountAttrs['kind']; enterpriseId?: number | null; adminOf?: number | null; name?: string; idType?: string; idNumber?: string; mobile?: string; email?: string; migrated?: boolean; realNameLevel?: AccountAttrs['realNameLevel'] },
  profile?: Partial<{ country: string; regNo: string; organization: string; contact: string; contactPhone: string; address: string }>,
): Promise<Session> {
  const username = uniqueUsername(a.kind.slice(0, 3));
  const idType = a.idType ?? (a.kind === 'overseas' ? '' : 'resident');
  const idNumber = a.idNumber ?? (a.kind === 'overseas' ? '' : residentId());
  const id = idNumber ? sealIdNumber(h.services.keys, idType, idNumber) : { enc: '', hash: '', masked: '' };
  const ownerName = a.name ?? (a.kind === 'overseas' ? 'John Smith' : '测试用户');
  if (idNumber && idType === 'resident') knownPerson(h.services, ownerName, idNumber);
  const account = await h.db.models.Account.create({
    username, usernameKey: username, kind: a.kind, enterpriseId: a.enterpriseId ?? null, adminOf: a.adminOf ?? null,
    name: a.name ?? (a.kind === 'overseas' ? 'John Smith' : '测试用户'), idType, idNumberEnc: id.enc, idNumberHash: id.hash, idNumberMasked: id.masked,
    idValidFrom: idNumber ? '20200101' : '', idValidTo: idNumber ? '20400101' : '', mobile: a.mobile ?? mobile(), email: a.email ?? `${username}@example.com`,
    passwordHash: await (passwordHash ??= hashPassword(GOOD_PASSWORD)), mustChangePassword: false, status: 'active',
    createdBy: 'test', migrated: a.migrated ?? false, realNameLevel: a.realNameLevel ?? 'none',
  });
  if (a.kind === 'overseas') {
    await h.db.models.OverseasProfile.create({
      accountId: account.id, country: 'DEU', regNo: '', organization: 'Example Trading GmbH', department: 'Sales', jobTitle: 'Manager',
      contact: account.name, contactPhone: '+49 30 1234567', fax: '', address: 'Unter den Linden 1, Berlin', notes: '', ...profile,
    });
  }
  return { api: await login(h, username), account, idNumber, password: GOOD_PASSWORD };
}

/** A migrated enterprise (002): an enterprise row and its migrated users, no registered administrator. */
export async function migratedEnterprise(h: Harness): Promise<EnterpriseRow> {
  const { uscc, orgCode } = newUscc();
  const rep = sealIdNumber(h.services.keys, 'resident', residentId());
  return h.db.models.Enterprise.create({
    uscc, orgCode, name: `迁移企业${uscc.slice(10, 16)}`, kind: 'enterprise', legalRepName: '迁移法人', legalRepIdType: 'resident',
    legalRepIdNumberEnc: rep.enc, legalRepIdNumberHash: rep.hash, legalRepIdNumberMasked: rep.masked, legalRepIdValidFrom: '', legalRepIdValidTo: '',
  });
}

export { mobile, residentId };
