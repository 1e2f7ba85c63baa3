import { expect } from 'chai';
import * as domain from '../../domain';
import { ERROR_CODES, MESSAGES, messageFor } from '../../domain';

const TODAY = '20250615';

/** Calls every validator with a spread of bad inputs and collects the codes they return. */
function collectCodes(): Set<string> {
  const codes = new Set<string>();
  const add = (c: string | null | undefined) => {
    if (c) codes.add(c);
  };
  const addAll = (e: Record<string, string | undefined>) => Object.values(e).forEach(add);

  const junk: unknown[] = [undefined, null, 42, '', ' ', 'x', 'abc', 'ab cd', 'Ab1!', '张三', 'A'.repeat(200)];
  const samples: unknown[] = [
    ...junk,
    '9113000034801880XA', '9113000034801880IB', '9113000034801880XB',
    '348018801', '34801880-X', '12345678' + domain.orgCodeCheckChar('12345678'),
    '110105194912310021', '13010319990230181X', '11010519491231002X', '130103800101181',
    '20230229', '2023-02-01', '00000000', '20300101',
    'abcde', 'a'.repeat(19), 'Zhang_San', 'ZhangSan', 'abcdefgh', 'Abc def12',
    '12812345678', 'zhang@example', '12345',
  ];

  for (const s of samples) {
    add(domain.validateUscc(s));
    add(domain.validateOrgCode(s));
    add(domain.validateOrgCode(s, '9113000034801880XB'));
    add(domain.validateResidentId(s, TODAY));
    add(domain.validateDateYmd(s));
    add(domain.validateDateYmd(s, { allowLongTerm: true }));
    add(domain.validateIdType(s));
    for (const t of [...domain.ID_TYPES, 'bogus']) add(domain.validateIdNumber(t, s, TODAY));
    for (const k of ['admin', 'operator', 'individual', 'overseas', 'department'] as const) {
      add(domain.validateUsername(k, s));
    }
    add(domain.validatePassword(s));
    add(domain.validateMobile(s));
    add(domain.validateEmail(s));
    add(domain.validateEmail(s, false));
    add(domain.validatePersonName(s));
    add(domain.validateEnterpriseName(s));
    addAll(domain.validatePasswordPair(s, 'Abcdef12'));
  }
  for (const [f, t] of [
    ['20200101', '20190101'],
    ['20100101', '20200101'],
    ['20300101', '20400101'],
    ['', 'x'],
  ]) {
    addAll(domain.validateValidity(f, t, TODAY));
  }
  addAll(domain.validateEnterpriseInfo({}, TODAY));
  addAll(domain.validateEnterpriseInfo({ legalRepIdType: 'bogus', uscc: '9113000034801880XB', orgCode: '123456788' }, TODAY));
  addAll(domain.validateAdminAccount({ smsCode: '1', agreement: false }, TODAY));
  addAll(domain.validateOperatorInfo({ email: 'x', idType: 'resident', idValidFrom: '20300101' }, TODAY));
  return codes;
}

describe('messages', () => {
  const returned = collectCodes();

  it('collects a broad set of codes from the validators', () => {
    // Guards the collection itself: a broken collector would make the next test pass vacuously.
    for (const c of ['uscc.check', 'orgCode.mismatch', 'residentId.birthDate', 'username.chars', 'password.classes',
      'validity.endBeforeStart', 'validity.expired', 'sms.format', 'agreement.required', 'idType.invalid']) {
      expect(returned.has(c), c).to.equal(true);
    }
  });

  it('has a Chinese and an English message for every code a validator returns', () => {
    for (const code of returned) {
      expect(MESSAGES, code).to.have.own.property(code);
      expect(MESSAGES[code].zh, code).to.match(/[\u4e00-\u9fff]/);
      expect(MESSAGES[code].en, code).to.match(/[A-Za-z]/);
    }
  });

  it('lists every returned code in ERROR_CODES', () => {
    for (const code of returned) expect(ERROR_CODES as readonly string[], code).to.include(code);
  });

  it('has a message for every listed code, and no extra ones', () => {
    expect(Object.keys(MESSAGES).sort()).to.deep.equal([...ERROR_CODES].sort());
    expect(new Set(ERROR_CODES).size).to.equal(ERROR_CODES.length);
  });

  it('includes the back-office codes', () => {
    for (const c of ['required', 'registry.notFound', 'registry.nameMismatch', 'registry.orgCodeMismatch',
      'registry.legalRepMismatch', 'enterprise.hasAdmin', 'username.taken', 'idNumber.taken', 'captcha.wrong',
      'captcha.expired', 'sms.wrong', 'sms.expired', 'sms.tooManyAttempts', 'sms.notSent', 'sms.tooSoon',
      'sms.tooManySends', 'sms.mobileChanged', 'agreement.required', 'password.mismatch', 'password.sameAsOld',
      'password.oldWrong', 'login.failed', 'login.throttled', 'login.locked', 'login.inactive', 'login.disabled',
      'flow.expired', 'flow.notFound', 'flow.wrongStep', 'validation']) {
      expect(MESSAGES, c).to.have.own.property(c);
    }
  });

  it('gives the texts of the manual', () => {
    expect(messageFor('uscc.check')).to.equal('统一社会信用代码校验位错误');
    expect(messageFor('uscc.check', 'en')).to.equal('The check character of the unified social credit code is wrong');
    expect(messageFor('required')).to.equal('此项为必填项');
    expect(messageFor('enterprise.hasAdmin')).to.equal('该企业已注册管理员，一个企业只能有一个管理员');
    expect(messageFor('login.locked')).to.equal('账号因多次登录失败已锁定，请通过“忘记密码”找回');
  });

  it('returns an unknown code as itself', () => {
    expect(messageFor('no.such.code')).to.equal('no.such.code');
    expect(messageFor('toString', 'en')).to.equal('toString');
  });
});
