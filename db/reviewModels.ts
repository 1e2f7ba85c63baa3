// Tables of the manual review (migration 0007-reviews): cases, uploads, decisions, reasons, settings.
import { DataTypes, Model, Optional, Sequelize } from 'sequelize';

type Row<A extends object, Auto extends keyof A = never> = Model<A, Optional<A, Auto>> & A;

export type ReviewCaseType = 'passwordRecovery' | 'usernameRecovery';
export type ReviewStatus = 'pending' | 'moreInfo' | 'secondApproval' | 'approved' | 'rejected' | 'closed';
export const OPEN_REVIEW_STATUSES: readonly ReviewStatus[] = ['pending', 'moreInfo', 'secondApproval'];
export const REVIEW_CASE_TYPES: readonly ReviewCaseType[] = ['passwordRecovery', 'usernameRecovery'];
export const REVIEW_STATUSES: readonly ReviewStatus[] = [...OPEN_REVIEW_STATUSES, 'approved', 'rejected', 'closed'];

export interface ReviewCaseAttrs {
  id: number;
  caseType: ReviewCaseType;
  flowId: string;
  status: ReviewStatus;
  accountId: number | null;
  username: string;
  enterpriseId: number | null;
  enterpriseName: string;
  uscc: string;
  applicantMobile: string;
  data: string; // JSON
  uploads: string; // JSON: upload ids
  round: number;
  assigneeId: number | null;
  assignedAt: Date | null;
  escalated: boolean;
  escalatedAt: Date | null;
  firstApproverId: number | null;
  decision: string;
  reason: string;
  comment: string;
  decidedAt: Date | null;
  submittedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReviewUploadAttrs {
  id: string;
  flowId: string;
  owner: string;
  kind: string;
  storedName: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  createdAt: Date;
}

export interface ReviewDecisionAttrs {
  id: number;
  caseId: number;
  staffId: number | null;
  staffName: string;
  action: string;
  reason: string;
  comment: string;
  at: Date;
}

export interface ReviewReasonAttrs {
  id: number;
  decision: 'approve' | 'reject' | 'more';
  text: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReviewSettingAttrs {
  key: string;
  value: string;
  updatedAt: Date;
}

const str = (len = 255) => ({ type: DataTypes.STRING(len), allowNull: false, defaultValue: '' });

export function defineReviewModels(sequelize: Sequelize) {
  const ReviewCase = sequelize.define<Row<ReviewCaseAttrs, 'id' | 'createdAt' | 'updatedAt' | 'round' | 'assigneeId' | 'assignedAt' | 'escalated' | 'escalatedAt' | 'firstApproverId' | 'decision' | 'reason' | 'comment' | 'decidedAt'>>(
    'ReviewCase',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      caseType: str(40),
      flowId: str(120),
      status: str(20),
      accountId: { type: DataTypes.INTEGER, allowNull: true },
      username: str(40),
      enterpriseId: { type: DataTypes.INTEGER, allowNull: true },
      enterpriseName: str(200),
      uscc: str(18),
      applicantMobile: str(20),
      data: { type: DataTypes.TEXT, allowNull: false },
      uploads: { type: DataTypes.TEXT, allowNull: false },
      round: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
      assigneeId: { type: DataTypes.INTEGER, allowNull: true },
      assignedAt: { type: DataTypes.DATE, allowNull: true },
      escalated: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      escalatedAt: { type: DataTypes.DATE, allowNull: true },
      firstApproverId: { type: DataTypes.INTEGER, allowNull: true },
      decision: str(20),
      reason: str(200),
      comment: str(1000),
      decidedAt: { type: DataTypes.DATE, allowNull: true },
      submittedAt: { type: DataTypes.DATE, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'review_cases' },
  );

  const ReviewUpload = sequelize.define<Row<ReviewUploadAttrs, 'createdAt'>>(
    'ReviewUpload',
    {
      id: { type: DataTypes.STRING(40), primaryKey: true },
      flowId: str(120),
      owner: str(64),
      kind: str(20),
      storedName: str(80),
      mime: str(40),
      width: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      height: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      bytes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      createdAt: DataTypes.DATE,
    },
    { tableName: 'review_uploads', updatedAt: false },
  );

  const ReviewDecision = sequelize.define<Row<ReviewDecisionAttrs, 'id' | 'reason' | 'comment'>>(
    'ReviewDecision',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      caseId: { type: DataTypes.INTEGER, allowNull: false },
      staffId: { type: DataTypes.INTEGER, allowNull: true },
      staffName: str(100),
      action: str(20),
      reason: str(200),
      comment: str(1000),
      at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'review_decisions', timestamps: false },
  );

  const ReviewReason = sequelize.define<Row<ReviewReasonAttrs, 'id' | 'createdAt' | 'updatedAt' | 'active'>>(
    'ReviewReason',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      decision: str(20),
      text: str(200),
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'review_reasons' },
  );

  const ReviewSetting = sequelize.define<Row<ReviewSettingAttrs, 'updatedAt'>>(
    'ReviewSetting',
    {
      key: { type: DataTypes.STRING(60), primaryKey: true },
      value: str(200),
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'review_settings', createdAt: false },
  );

  return { ReviewCase, ReviewUpload, ReviewDecision, ReviewReason, ReviewSetting };
}
