// Test data that real users would type: valid identifiers made with the domain's own check
// algorithms, and enterprises added to the registry simulator so each test has its own.
import crypto from 'node:crypto';
import { orgCodeCheckChar, residentIdCheckChar, usccCheckChar } from '../../domain/identifiers';
import type { Services } from '../../activities/services';

const digits = (n: number) => Array.from({ length: n }, () => crypto.randomInt(0, 10)).join('');

export function residentId(birth = `19${crypto.randomInt(60, 99)}0${crypto.randomInt(1, 9)}1${crypto.randomInt(0, 9)}`): string {
  const first17 = `110101${birth}${digits(3)}`;
  return first17 + residentIdCheckChar(first17);
}

export function newUscc(): { uscc: string; orgCode: string } {
  const org8 = digits(8);
  const orgCode = org8 + orgCodeCheckChar(org8);
  const first17 = `91110000${orgCode}`;
  return { uscc: first17 + usccCheckChar(first17), orgCode };
}

export interface TestEnterprise {
  uscc: string;
  orgCode: string;
  name: string;
  legalRepName: string;
  legalRepIdType: string;
  legalRepIdNumber: string;
  legalRepIdValidFrom: string;
  legalRepIdValidTo: string;
}

/** A new enterprise known to the registry simulator, not yet registered. */
export async function registryEnterprise(services: Services): Promise<TestEnterprise> {
  const { uscc, orgCode } = newUscc();
  const e = {
    uscc, orgCode,
    name: `测试贸易有限公司${digits(6)}`,
    legalRepName: '测试法人',
    legalRepIdType: 'resident',
    legalRepIdNumber: residentId(),
  };
  await services.db.models.RegistryRecord.create({ ...e, status: '存续', source: 'staff' });
  knownPerson(services, e.legalRepName, e.legalRepIdNumber);
  return { ...e, legalRepIdValidFrom: '20200101', legalRepIdValidTo: '00000000' };
}

/** A person the identity-check simulator (CTID-like) knows, valid from 2020-01-01 for good unless told. */
export function knownPerson(services: Services, name: string, idNumber: string, validFrom = '20200101', validTo = '00000000'): void {
  services.identityCheck.add({ name, idType: 'resident', idNumber, validFrom, validTo });
}

export function uniqueUsername(prefix = 'user'): string {
  return `${prefix}${crypto.randomBytes(4).toString('hex')}`.slice(0, 18);
}

export function mobile(): string {
  return `139${digits(8)}`;
}

export const GOOD_PASSWORD = 'Trade#2026ok';
