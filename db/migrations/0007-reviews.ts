// Manual review (U3, P3, V1–V3): review cases waiting for a clerk, the images an applicant
// uploaded (stored outside any served folder; this table only names them), every decision, the
// configurable list of reasons and the review settings (four-eyes).
import { DataTypes, QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const str = (len = 255) => ({ type: DataTypes.STRING(len), allowNull: false, defaultValue: '' });
const date = (allowNull = false) => ({ type: DataTypes.DATE, allowNull });
const stamps = { createdAt: date(), updatedAt: date() };

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('review_cases', {
    id,
    caseType: str(40), // passwordRecovery | usernameRecovery
    flowId: str(120),
    status: str(20), // pending | moreInfo | secondApproval | approved | rejected | closed
    accountId: { type: DataTypes.INTEGER, allowNull: true },
    username: str(40),
    enterpriseId: { type: DataTypes.INTEGER, allowNull: true },
    enterpriseName: str(200),
    uscc: str(18),
    applicantMobile: str(20),
    data: { type: DataTypes.TEXT, allowNull: false }, // JSON: what the applicant filled in (ID numbers masked) and the automatic checks
    uploads: { type: DataTypes.TEXT, allowNull: false }, // JSON: upload ids
    round: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    assigneeId: { type: DataTypes.INTEGER, allowNull: true },
    assignedAt: date(true),
    escalated: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    escalatedAt: date(true),
    firstApproverId: { type: DataTypes.INTEGER, allowNull: true },
    decision: str(20),
    reason: str(200),
    comment: str(1000),
    decidedAt: date(true),
    submittedAt: date(),
    ...stamps,
  });
  await qi.addIndex('review_cases', ['flowId'], { unique: true, name: 'review_cases_flow' });
  await qi.addIndex('review_cases', ['caseType', 'status'], { name: 'review_cases_queue' });

  await qi.createTable('review_uploads', {
    id: { type: DataTypes.STRING(40), primaryKey: true, allowNull: false },
    flowId: str(120),
    owner: str(64),
    kind: str(20), // idFront | idBack | license | other
    storedName: str(80),
    mime: str(40),
    width: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    height: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    bytes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    createdAt: date(),
  });
  await qi.addIndex('review_uploads', ['flowId'], { name: 'review_uploads_flow' });

  await qi.createTable('review_decisions', {
    id,
    caseId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'review_cases', key: 'id' } },
    staffId: { type: DataTypes.INTEGER, allowNull: true },
    staffName: str(100),
    action: str(20), // claim | release | assign | approve | reject | more | escalate | close
    reason: str(200),
    comment: str(1000),
    at: date(),
  });
  await qi.addIndex('review_decisions', ['caseId'], { name: 'review_decisions_case' });

  await qi.createTable('review_reasons', {
    id,
    decision: str(20), // approve | reject | more
    text: str(200),
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    ...stamps,
  });
  const now = new Date();
  await qi.bulkInsert('review_reasons', [
    ['approve', '资料齐全，信息核验一致'],
    ['reject', '证件信息与企业信用信息不一致'],
    ['reject', '上传资料不清晰或与申请人不符'],
    ['reject', '营业执照已注销或吊销'],
    ['more', '请补充上传清晰的法定代表人身份证正反面'],
    ['more', '请补充上传加盖公章的营业执照副本'],
  ].map(([decision, text]) => ({ decision, text, active: true, createdAt: now, updatedAt: now })));

  await qi.createTable('review_settings', {
    key: { type: DataTypes.STRING(60), primaryKey: true, allowNull: false },
    value: str(200),
    updatedAt: date(),
  });
  await qi.bulkInsert('review_settings', [{ key: 'fourEyesPasswordReset', value: 'off', updatedAt: now }]);
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('review_settings');
  await qi.dropTable('review_reasons');
  await qi.dropTable('review_decisions');
  await qi.dropTable('review_uploads');
  await qi.dropTable('review_cases');
}
