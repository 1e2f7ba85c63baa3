// My operators (O1, O4, O6): the edit form, and the username rule's exception for usernames of
// deleted migrated users (002 §3.2: "如果新增用户的用户名是本企业曾经迁移过来的用户名，不受用户名规则限制").
import { validateEmail, validateMobile, validatePersonName, validateUsername } from './accounts';
import { validateValidity } from './dates';
import type { FieldErrors } from './errors';
import { validateIdNumber, validateIdType } from './identifiers';
import { asText, charLength, trimmed } from './input';

/** The remark that marks a migrated user in the operator list (002 §3.2: 通过备注信息判断). */
export const MIGRATED_REMARK = '迁移用户';

export interface OperatorEditInput {
  name: string;
  /** Empty: the bound mobile stays (the list only shows it masked). */
  mobile: string;
  idType: string;
  /** Empty: the ID number stays (only allowed while the ID type stays too). */
  idNumber: string;
  idValidFrom: string;
  idValidTo: string;
  email: string;
  status: string;
}

function put(errors: FieldErrors, field: string, code: string | null | undefined): void {
  if (code) errors[field] = code;
}

/**
 * 编辑操作员信息: everything but the username, with the rules of adding (validateOperatorInfo).
 * `currentIdType` is the operator's stored ID type; `checkValidity` is false for an old client
 * that sends none of the identity fields (its stored validity is kept as it is).
 */
export function validateOperatorEdit(
  f: { [K in keyof OperatorEditInput]?: unknown } | null | undefined,
  today: string,
  opts: { currentIdType: string; checkValidity?: boolean },
): FieldErrors {
  const x = f ?? {};
  const e: FieldErrors = {};
  put(e, 'name', validatePersonName(x.name));
  if (trimmed(x.mobile) !== '') put(e, 'mobile', validateMobile(x.mobile));
  const typeErr = validateIdType(x.idType);
  put(e, 'idType', typeErr);
  if (!typeErr) {
    if (trimmed(x.idNumber) === '') {
      if (x.idType !== opts.currentIdType) e.idNumber = 'required';
    } else put(e, 'idNumber', validateIdNumber(x.idType, x.idNumber, today));
  }
  const needed = opts.checkValidity !== false && (x.idType === 'resident' || trimmed(x.idValidFrom) !== '' || trimmed(x.idValidTo) !== '');
  if (needed) {
    const v = validateValidity(x.idValidFrom, x.idValidTo, today);
    put(e, 'idValidFrom', v.from);
    put(e, 'idValidTo', v.to);
  }
  put(e, 'email', validateEmail(x.email, false));
  if (x.status !== 'active' && x.status !== 'disabled') e.status = 'required';
  return e;
}

/**
 * The username of a new operator. A username that belonged to a migrated user of this
 * enterprise, deleted since, may be taken again exactly as it was, outside the rules; it only
 * has to be a plain token of at most 40 characters (the column's width).
 */
export function validateOperatorUsername(username: unknown, releasedUsernames: readonly string[] = []): string | null {
  const v = asText(username);
  if (v !== null && releasedUsernames.includes(v)) {
    if (v.trim() === '') return 'required';
    return charLength(v) <= 40 && /^[\x21-\x7E]+$/.test(v) ? null : 'username.migratedFormat';
  }
  return validateUsername('operator', username);
}
