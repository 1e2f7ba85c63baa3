// P1–P3 password recovery forms: field rules shared by the workflow validators and the portal.
import { validateMobile, validatePersonName, validateEnterpriseName } from './accounts';
import { validateValidity } from './dates';
import type { FieldErrors } from './errors';
import { validateIdNumber, validateIdType, validateUscc } from './identifiers';

export const RECOVERY_METHODS = ['mobile', 'email', 'owner', 'legalRep', 'elicense'] as const;
export type RecoveryMethodName = (typeof RECOVERY_METHODS)[number];

/** Upload rules (SPEC §3): these formats, at most 4 MB each; the portal states them before upload. */
export const UPLOAD_EXTENSIONS = ['jpg', 'jpeg', 'png', 'bmp'] as const;
export const UPLOAD_MAX_BYTES = 4 * 1024 * 1024;
export const UPLOAD_KINDS = ['idFront', 'idBack', 'license', 'other'] as const;
export const MAX_UPLOADS = 6; // images in one review submission

type Untrusted = Record<string, unknown>;
const put = (e: FieldErrors, field: string, code: string | null | undefined) => {
  if (code) e[field] = code;
};

/** Account-owner information (账号信息验证). */
export function validateOwnerProof(f: Untrusted, today?: string): FieldErrors {
  const e: FieldErrors = {};
  put(e, 'name', validatePersonName(f.name));
  put(e, 'idType', validateIdType(f.idType));
  if (!e.idType) put(e, 'idNumber', validateIdNumber(f.idType, f.idNumber, today));
  return e;
}

/** Legal-representative information (法定代表人信息验证), with the operator's mobile. */
export function validateLegalRepProof(f: Untrusted, today?: string, opts: { validity?: boolean } = {}): FieldErrors {
  const e: FieldErrors = {};
  put(e, 'enterpriseName', validateEnterpriseName(f.enterpriseName));
  put(e, 'uscc', validateUscc(f.uscc));
  put(e, 'legalRepName', validatePersonName(f.legalRepName));
  put(e, 'legalRepIdType', validateIdType(f.legalRepIdType));
  if (!e.legalRepIdType) put(e, 'legalRepIdNumber', validateIdNumber(f.legalRepIdType, f.legalRepIdNumber, today));
  put(e, 'mobile', validateMobile(f.mobile));
  if (opts.validity && f.legalRepIdType === 'resident') {
    const v = validateValidity(f.legalRepIdValidFrom, f.legalRepIdValidTo, today);
    put(e, 'legalRepIdValidFrom', v.from);
    put(e, 'legalRepIdValidTo', v.to);
  }
  return e;
}

/** U2 enterprise real-name (企业实名认证, 000 §2.3.1.2): the bank and the enterprise's USCC. */
export const RECOVERY_BANKS = ['ccb', 'abc', 'cmbc'] as const;

export function validateBankChoice(f: Untrusted): FieldErrors {
  const e: FieldErrors = {};
  if (!(RECOVERY_BANKS as readonly string[]).includes(f.bank as string)) e.bank = 'required';
  put(e, 'uscc', validateUscc(f.uscc));
  return e;
}

export function validateCode(code: unknown, field: 'smsCode' | 'emailCode'): string | null {
  if (typeof code !== 'string' || code.trim() === '') return 'required';
  return /^\d{6}$/.test(code.trim()) ? null : field === 'smsCode' ? 'sms.format' : 'emailCode.format';
}
