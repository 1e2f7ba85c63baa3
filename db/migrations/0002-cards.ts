// Smart cards: the card registry, every operation on a card, single-use challenges, and the
// way a session was opened (password or card).
import { DataTypes, QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const str = (len = 255) => ({ type: DataTypes.STRING(len), allowNull: false, defaultValue: '' });
const date = (allowNull = false) => ({ type: DataTypes.DATE, allowNull });

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('cards', {
    id,
    cardNo: str(20),
    cardType: str(10),
    medium: str(10),
    holderName: str(100),
    holderIdType: str(20),
    holderIdHash: str(64),
    holderIdMasked: str(40),
    uscc: str(18),
    enterpriseName: str(200),
    certSerial: str(64),
    certificate: { type: DataTypes.TEXT, allowNull: false },
    notBefore: date(),
    notAfter: date(),
    status: str(20),
    accountId: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'accounts', key: 'id' } },
    boundAt: date(true),
    createdAt: date(),
    updatedAt: date(),
  });
  await qi.addIndex('cards', ['cardNo'], { unique: true, name: 'cards_card_no' });
  await qi.addIndex('cards', ['certSerial'], { unique: true, name: 'cards_cert_serial' });
  await qi.addIndex('cards', ['accountId'], { unique: true, name: 'cards_one_per_account' });
  await qi.addIndex('cards', ['uscc'], { name: 'cards_uscc' });

  await qi.createTable('card_operations', {
    id,
    cardId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'cards', key: 'id' } },
    operation: str(40),
    actorType: str(20),
    actorId: str(60),
    accountId: { type: DataTypes.INTEGER, allowNull: true },
    details: { type: DataTypes.TEXT, allowNull: false },
    opKey: str(160), // idempotency key: a retried activity never records twice
    at: date(),
  });
  await qi.addIndex('card_operations', ['cardId', 'at'], { name: 'card_operations_card' });
  await qi.addIndex('card_operations', ['opKey'], { unique: true, name: 'card_operations_key' });

  await qi.createTable('card_challenges', {
    id: { type: DataTypes.STRING(40), primaryKey: true, allowNull: false },
    challenge: str(64),
    purpose: str(20),
    owner: str(64),
    expiresAt: date(),
    usedAt: date(true),
    createdAt: date(),
  });
  await qi.addIndex('card_challenges', ['expiresAt'], { name: 'card_challenges_expires' });

  await qi.addColumn('sessions', 'method', { type: DataTypes.STRING(20), allowNull: false, defaultValue: 'password' });
  await qi.addColumn('sessions', 'cardId', { type: DataTypes.INTEGER, allowNull: true });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('sessions', 'cardId');
  await qi.removeColumn('sessions', 'method');
  await qi.dropTable('card_challenges');
  await qi.dropTable('card_operations');
  await qi.dropTable('cards');
}
