// Demo data created on start (idempotent): staff accounts, the registry simulator's seed, and one
// registered enterprise with its administrator and two operators, so every screen has content.
import { Services } from '../activities/services';
import { seedRegistry } from '../activities/adapters/registry';
import { hashPassword } from '../activities/passwords';
import { sealIdNumber } from '../activities/identity';
import { recordAudit } from '../activities/audit';
import { DEFAULT_OPERATOR_PASSWORD } from '../domain/accounts';
import { seedManageDemo } from './demoManage';

export const DEMO_LOGINS = {
  staff: [
    { username: 'supervisor', password: 'Supervisor#2026', role: 'supervisor' as const, name: '值班主管 周主管' },
    { username: 'reviewer', password: 'Reviewer#2026', role: 'reviewer' as const, name: '审核员 吴审核' },
    { username: 'sysadmin', password: 'Sysadmin#2026', role: 'sysadmin' as const, name: '系统管理员 郑管理' },
  ],
  admin: { username: 'demoadmin', password: 'Demo#2026admin' },
  operator: { username: 'demoop01', password: 'Demo#2026oper' },
  newOperator: { username: 'demoop02', password: DEFAULT_OPERATOR_PASSWORD },
};

// 北京华贸进出口有限公司 from the registry seed: registered; the other seed enterprises are free to register.
const DEMO_ENTERPRISE = {
  uscc: '911100001000123405', orgCode: '100012340', name: '北京华贸进出口有限公司',
  legalRepName: '李明华', legalRepIdType: 'resident', legalRepIdNumber: '110105198003150020',
  legalRepIdValidFrom: '20150101', legalRepIdValidTo: '00000000',
};

export async function seedDemoData(services: Services): Promise<void> {
  if (!services.simulators) return; // demo passwords are public: development only (scripts/config.ts)
  const { Staff, Enterprise, Account } = services.db.models;
  for (const s of DEMO_LOGINS.staff) {
    const exists = await Staff.findOne({ where: { username: s.username } });
    if (!exists) await Staff.create({ username: s.username, name: s.name, role: s.role, status: 'active', passwordHash: await hashPassword(s.password) });
  }
  await seedRegistry(services.db);

  if (await Enterprise.findOne({ where: { uscc: DEMO_ENTERPRISE.uscc } })) return seedManageDemo(services, DEMO_ENTERPRISE.uscc);
  const rep = sealIdNumber(services.keys, 'resident', DEMO_ENTERPRISE.legalRepIdNumber);
  await services.db.sequelize.transaction(async (transaction) => {
    const e = await Enterprise.create({
      uscc: DEMO_ENTERPRISE.uscc, orgCode: DEMO_ENTERPRISE.orgCode, name: DEMO_ENTERPRISE.name, kind: 'enterprise',
      legalRepName: DEMO_ENTERPRISE.legalRepName, legalRepIdType: 'resident',
      legalRepIdNumberEnc: rep.enc, legalRepIdNumberHash: rep.hash, legalRepIdNumberMasked: rep.masked,
      legalRepIdValidFrom: DEMO_ENTERPRISE.legalRepIdValidFrom, legalRepIdValidTo: DEMO_ENTERPRISE.legalRepIdValidTo,
    }, { transaction });
    const people = [
      { ...DEMO_LOGINS.admin, kind: 'admin' as const, name: '李明华', idNumber: '110105198003150020', mobile: '13800000001', email: 'admin@huamao.example.cn', must: false },
      { ...DEMO_LOGINS.operator, kind: 'operator' as const, name: '王小丽', idNumber: '110101199002020020', mobile: '13800000002', email: 'wxl@huamao.example.cn', must: false },
      { ...DEMO_LOGINS.newOperator, kind: 'operator' as const, name: '赵大勇', idNumber: '110101199303030011', mobile: '13800000003', email: '', must: true },
    ];
    for (const p of people) {
      const id = sealIdNumber(services.keys, 'resident', p.idNumber);
      const a = await Account.create({
        username: p.username, usernameKey: p.username.toLowerCase(), kind: p.kind, enterpriseId: e.id,
        adminOf: p.kind === 'admin' ? e.id : null, name: p.name, idType: 'resident',
        idNumberEnc: id.enc, idNumberHash: id.hash, idNumberMasked: id.masked, idValidFrom: '20200101', idValidTo: '20400101',
        mobile: p.mobile, email: p.email, passwordHash: await hashPassword(p.password), mustChangePassword: p.must,
        status: 'active', passwordChangedAt: new Date(), createdBy: 'demo',
      }, { transaction });
      await recordAudit(services, { actorType: 'system', actorId: 'demo', actorName: 'demo data', action: 'account.seeded', entityType: 'account', entityId: a.id, details: { username: a.username } }, transaction);
    }
  });
  await seedManageDemo(services, DEMO_ENTERPRISE.uscc); // migrated users, qualifications, app permissions
}
