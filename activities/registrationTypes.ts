// R4 and R5 side effects: the creation of an individual account and of an overseas account with
// its profile. Both are idempotent per flow (createdBy flow:<id>) and audited in the same
// transaction; neither belongs to an enterprise.
import { UniqueConstraintError } from 'sequelize';
import type { FieldErrors } from '../domain/errors';
import { recordAudit } from './audit';
import { idNumberHash, sealIdNumber } from './identity';
import { uniqueViolation } from './registration';
import type { Services } from './services';

export type CreateAccountResult = { accountId: number; username: string } | { errors: FieldErrors };

export interface CreateIndividualInput {
  flowId: string;
  ip: string;
  account: {
    username: string;
    passwordHash: string;
    name: string;
    idType: string;
    idNumber: string;
    idValidFrom: string;
    idValidTo: string;
    email: string;
    mobile: string; // '' when a foreign-document holder gave none
  };
}

/** R4: one individual account per ID type + number. */
export async function createIndividualAccount(services: Services, input: CreateIndividualInput): Promise<CreateAccountResult> {
  const { Account } = services.db.models;
  const createdBy = `flow:${input.flowId}`;
  const done = await Account.findOne({ where: { createdBy } });
  if (done) return { accountId: done.id, username: done.username };

  const a = input.account;
  const usernameKey = a.username.toLowerCase();
  try {
    return await services.db.sequelize.transaction(async (transaction): Promise<CreateAccountResult> => {
      if (await Account.findOne({ where: { usernameKey }, transaction })) return { errors: { username: 'username.taken' } };
      const hash = idNumberHash(services.keys, a.idType, a.idNumber);
      if (await Account.findOne({ where: { kind: 'individual', idType: a.idType, idNumberHash: hash }, transaction })) {
        return { errors: { idNumber: 'idNumber.taken' } };
      }
      const id = sealIdNumber(services.keys, a.idType, a.idNumber);
      const account = await Account.create(
        {
          username: a.username,
          usernameKey,
          kind: 'individual',
          enterpriseId: null,
          name: a.name,
          idType: a.idType,
          idNumberEnc: id.enc,
          idNumberHash: id.hash,
          idNumberMasked: id.masked,
          idValidFrom: a.idValidFrom,
          idValidTo: a.idValidTo,
          mobile: a.mobile,
          email: a.email,
          passwordHash: a.passwordHash,
          mustChangePassword: false,
          status: 'active',
          passwordChangedAt: new Date(),
          createdBy,
        },
        { transaction },
      );
      await recordAudit(services, {
        actorType: 'account', actorId: account.id, actorName: a.username, action: 'registration.completed',
        entityType: 'account', entityId: account.id,
        details: { kind: 'individual', idType: a.idType, idNumber: id.masked, verifiedBy: a.mobile ? 'sms' : 'mail' }, ip: input.ip, flowId: input.flowId,
      }, transaction);
      return { accountId: account.id, username: account.username };
    });
  } catch (err) {
    if (err instanceof UniqueConstraintError) return { errors: uniqueViolation(err) };
    throw err;
  }
}

export interface OverseasProfileInput {
  country: string;
  regNo: string;
  organization: string;
  department: string;
  jobTitle: string;
  contact: string;
  contactPhone: string;
  fax: string;
  address: string;
  notes: string;
}

export interface CreateOverseasInput {
  flowId: string;
  ip: string;
  account: { username: string; passwordHash: string; email: string; mobile: string };
  profile: OverseasProfileInput;
}

/** R5: the overseas account (named after its contact) and its profile in one transaction. */
export async function createOverseasAccount(services: Services, input: CreateOverseasInput): Promise<CreateAccountResult> {
  const { Account, OverseasProfile } = services.db.models;
  const createdBy = `flow:${input.flowId}`;
  const done = await Account.findOne({ where: { createdBy } });
  if (done) return { accountId: done.id, username: done.username };

  const a = input.account;
  const usernameKey = a.username.toLowerCase();
  try {
    return await services.db.sequelize.transaction(async (transaction): Promise<CreateAccountResult> => {
      if (await Account.findOne({ where: { usernameKey }, transaction })) return { errors: { username: 'username.taken' } };
      const account = await Account.create(
        {
          username: a.username,
          usernameKey,
          kind: 'overseas',
          enterpriseId: null,
          name: input.profile.contact,
          idType: '',
          idNumberEnc: '',
          idNumberHash: '',
          idNumberMasked: '',
          idValidFrom: '',
          idValidTo: '',
          mobile: a.mobile,
          email: a.email,
          passwordHash: a.passwordHash,
          mustChangePassword: false,
          status: 'active',
          passwordChangedAt: new Date(),
          createdBy,
        },
        { transaction },
      );
      await OverseasProfile.create({ accountId: account.id, ...input.profile }, { transaction });
      await recordAudit(services, {
        actorType: 'account', actorId: account.id, actorName: a.username, action: 'registration.completed',
        entityType: 'account', entityId: account.id,
        details: { kind: 'overseas', country: input.profile.country, organization: input.profile.organization, regNo: input.profile.regNo !== '' }, ip: input.ip, flowId: input.flowId,
      }, transaction);
      return { accountId: account.id, username: account.username };
    });
  } catch (err) {
    if (err instanceof UniqueConstraintError) return { errors: uniqueViolation(err) };
    throw err;
  }
}
