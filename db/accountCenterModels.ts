// Tables of the account center (migration 0005-account-center): the enterprise information an
// individual declares, and the government service platform simulator's received pushes.
import { DataTypes, Model, Optional, Sequelize } from 'sequelize';

type Row<A extends object, Auto extends keyof A = never> = Model<A, Optional<A, Auto>> & A;

export interface AccountEnterpriseAttrs {
  accountId: number;
  uscc: string;
  orgCode: string;
  name: string;
  legalRepName: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface GovPushAttrs {
  id: number;
  receiptNo: string;
  pushKey: string;
  accountRef: string;
  payload: string; // JSON
  createdAt: Date;
}

const str = (len = 255) => ({ type: DataTypes.STRING(len), allowNull: false, defaultValue: '' });

export function defineAccountCenterModels(sequelize: Sequelize) {
  const AccountEnterprise = sequelize.define<Row<AccountEnterpriseAttrs, 'createdAt' | 'updatedAt'>>(
    'AccountEnterprise',
    {
      accountId: { type: DataTypes.INTEGER, primaryKey: true },
      uscc: str(18),
      orgCode: str(9),
      name: str(200),
      legalRepName: str(100),
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'account_enterprises' },
  );

  const GovPush = sequelize.define<Row<GovPushAttrs, 'id' | 'createdAt'>>(
    'GovPush',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      receiptNo: str(40),
      pushKey: str(120),
      accountRef: str(60),
      payload: { type: DataTypes.TEXT, allowNull: false },
      createdAt: DataTypes.DATE,
    },
    { tableName: 'sim_gov_pushes', updatedAt: false },
  );

  return { AccountEnterprise, GovPush };
}
