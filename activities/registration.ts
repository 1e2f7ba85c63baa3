// R2 side effects: the registry check of step 1 and the creation of enterprise + administrator.
import { UniqueConstraintError } from 'sequelize';
import type { FieldErrors } from '../domain/errors';
import type { EnterpriseFields } from '../workflows/registration';
import { registryEnded } from './adapters/registry';
import { recordAudit } from './audit';
import { idNumberHash, sealIdNumber } from './identity';
import type { Services } from './services';

export async function checkEnterpriseForRegistration(services: Services, f: EnterpriseFields): Promise<FieldErrors> {
  const entry = await services.registry.lookup(f.uscc);
  if (!entry) return { uscc: 'registry.notFound' };
  if (registryEnded(entry)) return { uscc: 'registry.cancelled' };
  const errors: FieldErrors = {};
  if (entry.orgCode !== f.orgCode) errors.orgCode = 'registry.orgCodeMismatch';
  if (entry.name !== f.name) errors.name = 'registry.nameMismatch';
  if (entry.legalRepName !== f.legalRepName) errors.legalRepName = 'registry.legalRepMismatch';
  else if (entry.legalRepIdType !== f.legalRepIdType || entry.legalRepIdNumber.toUpperCase() !== f.legalRepIdNumber) {
    errors.legalRepIdNumber = 'registry.legalRepMismatch';
  }
  if (Object.keys(errors).length > 0) return errors;
  const enterprise = await services.db.models.Enterprise.findOne({ where: { uscc: f.uscc } });
  if (enterprise && (await services.db.models.Account.count({ where: { adminOf: enterprise.id } })) > 0) {
    return { uscc: 'enterprise.hasAdmin' };
  }
  return {};
}

export interface CreateAdminInput {
  flowId: string;
  ip: string;
  enterprise: EnterpriseFields;
  enterpriseKind?: 'enterprise' | 'institution'; // R3 registers a public institution (事业单位)
  account: { username: string; passwordHash: string; name: string; idType: string; idNumber: string; email: string; mobile: string };
}

export type CreateAdminResult = { accountId: number; username: string } | { errors: FieldErrors };

/** Creates the enterprise (if new) and its administrator in one transaction. Idempotent per flow. */
export async function createEnterpriseAdmin(services: Services, input: CreateAdminInput): Promise<CreateAdminResult> {
  const { Account, Enterprise } = services.db.models;
  const createdBy = `flow:${input.flowId}`;
  const done = await Account.findOne({ where: { createdBy } });
  if (done) return { accountId: done.id, username: done.username };

  const usernameKey = input.account.username.toLowerCase();
  if (await Account.findOne({ where: { usernameKey } })) return { errors: { username: 'username.taken' } };

  try {
    return await services.db.sequelize.transaction(async (transaction) => {
      const e = input.enterprise;
      let enterprise = await Enterprise.findOne({ where: { uscc: e.uscc }, transaction });
      if (!enterprise) {
        const legalRepId = sealIdNumber(services.keys, e.legalRepIdType, e.legalRepIdNumber);
        enterprise = await Enterprise.create(
          {
            uscc: e.uscc,
            orgCode: e.orgCode,
            name: e.name,
            kind: input.enterpriseKind ?? 'enterprise',
            legalRepName: e.legalRepName,
            legalRepIdType: e.legalRepIdType,
            legalRepIdNumberEnc: legalRepId.enc,
            legalRepIdNumberHash: legalRepId.hash,
            legalRepIdNumberMasked: legalRepId.masked,
            legalRepIdValidFrom: e.legalRepIdValidFrom,
            legalRepIdValidTo: e.legalRepIdValidTo,
          },
          { transaction },
        );
        await recordAudit(services, {
          actorType: 'anonymous', actorId: '', actorName: input.account.username, action: 'enterprise.created',
          entityType: 'enterprise', entityId: enterprise.id, details: { uscc: e.uscc, name: e.name, kind: input.enterpriseKind ?? 'enterprise' }, ip: input.ip, flowId: input.flowId,
        }, transaction);
      }
      const a = input.account;
      const id = sealIdNumber(services.keys, a.idType, a.idNumber);
      const account = await Account.create(
        {
          username: a.username,
          usernameKey,
          kind: 'admin',
          enterpriseId: enterprise.id,
          adminOf: enterprise.id,
          name: a.name,
          idType: a.idType,
          idNumberEnc: id.enc,
          idNumberHash: id.hash,
          idNumberMasked: id.masked,
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
      await recordAudit(services, {
        actorType: 'account', actorId: account.id, actorName: a.username, action: 'registration.completed',
        entityType: 'account', entityId: account.id,
        details: { kind: 'admin', uscc: enterprise.uscc, idNumber: id.masked }, ip: input.ip, flowId: input.flowId,
      }, transaction);
      return { accountId: account.id, username: account.username };
    });
  } catch (err) {
    if (err instanceof UniqueConstraintError) return { errors: uniqueViolation(err) };
    throw err;
  }
}

/** Which rule a unique-key violation broke, as a field error (the indexes are named in 0001). */
export function uniqueViolation(err: UniqueConstraintError): FieldErrors {
  const text = `${err.message} ${JSON.stringify((err as any).parent?.message ?? '')} ${Object.keys(err.fields ?? {}).join(',')}`;
  if (/adminOf|accounts_one_admin/.test(text)) return { uscc: 'enterprise.hasAdmin' };
  if (/usernameKey|accounts_username/.test(text)) return { username: 'username.taken' };
  if (/idNumberHash|accounts_identity_in_enterprise/.test(text)) return { idNumber: 'idNumber.taken' };
  return { _form: 'conflict' };
}

export { idNumberHash };
