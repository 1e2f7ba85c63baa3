// Tables of the enterprise's management pages (migration 0006-qualifications-permissions): Q1
// qualifications, Q2 app permissions and launch tickets, O6 released migrated usernames, and the
// MOFCOM simulator's filings.
import { DataTypes, Model, Optional, Sequelize } from 'sequelize';

type Row<A extends object, Auto extends keyof A = never> = Model<A, Optional<A, Auto>> & A;

export interface QualificationAttrs {
  id: number;
  enterpriseId: number;
  section: string; // customs | inspection | quality | trade (domain/qualifications.ts)
  fields: string; // JSON object
  updatedBy: string;
  syncedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AppPermissionAttrs {
  id: number;
  enterpriseId: number;
  accountId: number; // 0 = the enterprise's set
  items: string; // JSON array of item codes
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface AppLaunchTicketAttrs {
  id: string; // keyed hash of the ticket
  accountId: number;
  item: string;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

export interface ReleasedUsernameAttrs {
  id: number;
  enterpriseId: number;
  username: string;
  usernameKey: string;
  formerAccountId: number;
  releasedBy: string;
  reusedAccountId: number | null;
  reusedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface MofcomRecordAttrs {
  id: number;
  uscc: string;
  record: string; // JSON
  source: 'seed' | 'staff';
  createdAt: Date;
  updatedAt: Date;
}

const str = (len = 255) => ({ type: DataTypes.STRING(len), allowNull: false, defaultValue: '' });
const stamps = { createdAt: DataTypes.DATE, updatedAt: DataTypes.DATE };

export function defineManageModels(sequelize: Sequelize) {
  const Qualification = sequelize.define<Row<QualificationAttrs, 'id' | 'createdAt' | 'updatedAt' | 'syncedAt'>>(
    'Qualification',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      enterpriseId: { type: DataTypes.INTEGER, allowNull: false },
      section: str(20),
      fields: { type: DataTypes.TEXT, allowNull: false },
      updatedBy: str(60),
      syncedAt: { type: DataTypes.DATE, allowNull: true },
      ...stamps,
    },
    { tableName: 'enterprise_qualifications' },
  );

  const AppPermission = sequelize.define<Row<AppPermissionAttrs, 'id' | 'createdAt' | 'updatedAt'>>(
    'AppPermission',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      enterpriseId: { type: DataTypes.INTEGER, allowNull: false },
      accountId: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      items: { type: DataTypes.TEXT, allowNull: false },
      updatedBy: str(60),
      ...stamps,
    },
    { tableName: 'app_permissions' },
  );

  const AppLaunchTicket = sequelize.define<Row<AppLaunchTicketAttrs, 'createdAt' | 'usedAt'>>(
    'AppLaunchTicket',
    {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      accountId: { type: DataTypes.INTEGER, allowNull: false },
      item: str(60),
      expiresAt: { type: DataTypes.DATE, allowNull: false },
      usedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
    },
    { tableName: 'app_launch_tickets', updatedAt: false },
  );

  const ReleasedUsername = sequelize.define<Row<ReleasedUsernameAttrs, 'id' | 'createdAt' | 'updatedAt' | 'reusedAccountId' | 'reusedAt'>>(
    'ReleasedUsername',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      enterpriseId: { type: DataTypes.INTEGER, allowNull: false },
      username: str(40),
      usernameKey: str(40),
      formerAccountId: { type: DataTypes.INTEGER, allowNull: false },
      releasedBy: str(60),
      reusedAccountId: { type: DataTypes.INTEGER, allowNull: true },
      reusedAt: { type: DataTypes.DATE, allowNull: true },
      ...stamps,
    },
    { tableName: 'released_usernames' },
  );

  const MofcomRecord = sequelize.define<Row<MofcomRecordAttrs, 'id' | 'createdAt' | 'updatedAt'>>(
    'MofcomRecord',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      uscc: str(18),
      record: { type: DataTypes.TEXT, allowNull: false },
      source: str(10),
      ...stamps,
    },
    { tableName: 'sim_mofcom_records' },
  );

  return { Qualification, AppPermission, AppLaunchTicket, ReleasedUsername, MofcomRecord };
}
