// Demo data of the enterprise's management pages (idempotent, run on every start with the rest of
// the demo data): O6 migrated users of 北京华贸 (002: users moved over from the old inspection
// system, marked in their remark, usernames outside today's rules), its system-filled
// qualifications (Q1), the enterprise's app permissions (Q2), and the MOFCOM simulator's filings.
import { seedMofcom } from '../activities/adapters/mofcom';
import { ENTERPRISE_SCOPE } from '../activities/appPermissions';
import { recordAudit } from '../activities/audit';
import { sealIdNumber } from '../activities/identity';
import { hashPassword } from '../activities/passwords';
import { setSystemFields } from '../activities/qualifications';
import type { Services } from '../activities/services';
import { residentIdCheckChar } from '../domain/identifiers';
import { MIGRATED_REMARK } from '../domain/operators';

/** The password the migrated demo users brought from the old system (they "forgot" it: reset them). */
export const MIGRATED_DEMO_PASSWORD = 'Old#2019pass';

const resident = (first17: string) => first17 + residentIdCheckChar(first17);

export const MIGRATED_DEMO_USERS = [
  { username: 'HM_zhangwei', name: '张伟', mobile: '13800000011', idNumber: resident('11010819850612003') },
  { username: 'hmli', name: '李娜', mobile: '13800000012', idNumber: resident('11010219880915004') },
  { username: 'huamao.chen', name: '陈静', mobile: '13800000013', idNumber: resident('11010619910303002') },
];

const DEMO_PERMISSIONS = [
  'cargo.declaration', 'cargo.filingList', 'cargo.inspection', 'cargo.query',
  'manifest.sea', 'payment.pay', 'payment.query', 'statistics.trade', 'statistics.status',
];

export async function seedManageDemo(services: Services, uscc: string): Promise<void> {
  const { Account, AppPermission, Enterprise, Qualification } = services.db.models;
  await seedMofcom(services.db);
  const e = await Enterprise.findOne({ where: { uscc } });
  if (!e) return;

  for (const u of MIGRATED_DEMO_USERS) {
    if (await Account.findOne({ where: { usernameKey: u.username.toLowerCase() } })) continue;
    // Once deleted by the administrator, a migrated user stays deleted (its username may be re-created).
    if (await services.db.models.ReleasedUsername.findOne({ where: { enterpriseId: e.id, usernameKey: u.username.toLowerCase() } })) continue;
    const id = sealIdNumber(services.keys, 'resident', u.idNumber);
    const a = await Account.create({
      username: u.username, usernameKey: u.username.toLowerCase(), kind: 'operator', enterpriseId: e.id, adminOf: null,
      name: u.name, idType: 'resident', idNumberEnc: id.enc, idNumberHash: id.hash, idNumberMasked: id.masked,
      idValidFrom: '20150101', idValidTo: '20350101', mobile: u.mobile, email: '',
      passwordHash: await hashPassword(MIGRATED_DEMO_PASSWORD), mustChangePassword: false, status: 'active',
      passwordChangedAt: new Date('2019-06-01T00:00:00Z'), createdBy: 'demo:migrated', migrated: true,
      remark: `${MIGRATED_REMARK}（原检验检疫系统）`,
    });
    await recordAudit(services, { actorType: 'system', actorId: 'demo', actorName: 'demo data', action: 'account.seeded', entityType: 'account', entityId: a.id, details: { username: a.username, migrated: true } });
  }

  if (!(await Qualification.findOne({ where: { enterpriseId: e.id, section: 'customs' } }))) {
    await setSystemFields(services, e.id, 'customs', { customsRegNo: '1105960123', customsRegDate: '20160420', creditLevel: '一般认证企业' }, 'demo');
  }
  if (!(await Qualification.findOne({ where: { enterpriseId: e.id, section: 'inspection' } }))) {
    await setSystemFields(services, e.id, 'inspection', { inspectionRegNo: '1100601234' }, 'demo');
  }
  if (!(await AppPermission.findOne({ where: { enterpriseId: e.id, accountId: ENTERPRISE_SCOPE } }))) {
    await AppPermission.create({ enterpriseId: e.id, accountId: ENTERPRISE_SCOPE, items: JSON.stringify(DEMO_PERMISSIONS), updatedBy: 'demo' });
  }
}
