import { expect } from 'chai';
import {
  AccountKind,
  DEFAULT_OPERATOR_PASSWORD,
  validateEmail,
  validateEnterpriseName,
  validateMobile,
  validatePassword,
  validatePersonName,
  validateUsername,
} from '../../domain/accounts';
import { validateIdentityChange } from '../../domain/accountCenter';
import { validateEnterpriseInfo, validateOperatorInfo } from '../../domain/forms';
import { validateNameText, validateOverseasAccount } from '../../domain/registrationForms';

describe('usernames', () => {
  const lowerKinds: AccountKind[] = ['operator', 'individual', 'overseas', 'department'];

  it('requires 6-18 characters', () => {
    expect(validateUsername('admin', 'abcde')).to.equal('username.length');
    expect(validateUsername('admin', 'abcdef')).to.equal(null);
    expect(validateUsername('admin', 'a'.repeat(18))).to.equal(null);
    expect(validateUsername('admin', 'a'.repeat(19))).to.equal('username.length');
    expect(validateUsername('operator', 'abcde')).to.equal('username.length');
    expect(validateUsername('operator', 'a'.repeat(19))).to.equal('username.length');
  });

  it('reports missing values as required', () => {
    expect(validateUsername('admin', '')).to.equal('required');
    expect(validateUsername('admin', '   ')).to.equal('required');
    expect(validateUsername('operator', undefined)).to.equal('required');
    expect(validateUsername('operator', 123456)).to.equal('required');
  });

  it('lets the admin use letters of both cases, with digits', () => {
    expect(validateUsername('admin', 'ZhangSan')).to.equal(null);
    expect(validateUsername('admin', 'Zhang2024')).to.equal(null);
  });

  it('refuses symbols, spaces, non-ASCII and digits only', () => {
    for (const kind of ['admin', ...lowerKinds] as AccountKind[]) {
      expect(validateUsername(kind, 'zhang_san'), kind).to.equal('username.chars');
      expect(validateUsername(kind, 'zhang.san'), kind).to.equal('username.chars');
      expect(validateUsername(kind, 'zhang san'), kind).to.equal('username.chars');
      expect(validateUsername(kind, 'zhang张三xx'), kind).to.equal('username.chars');
      expect(validateUsername(kind, '12345678'), kind).to.equal('username.chars');
    }
  });

  it('requires lower case for everyone but the admin', () => {
    for (const kind of lowerKinds) {
      expect(validateUsername(kind, 'zhangsan'), kind).to.equal(null);
      expect(validateUsername(kind, 'zhang2024'), kind).to.equal(null);
      expect(validateUsername(kind, 'ZhangSan'), kind).to.equal('username.chars');
      expect(validateUsername(kind, 'ZHANG2024'), kind).to.equal('username.chars');
    }
  });
});

describe('passwords', () => {
  it('accepts three or four character classes', () => {
    expect(validatePassword('Abcdef12')).to.equal(null);
    expect(validatePassword('abcdef1!')).to.equal(null);
    expect(validatePassword('ABCDEF1!')).to.equal(null);
    expect(validatePassword('Abcdefg!')).to.equal(null);
    expect(validatePassword('Ab1!Ab1!Ab1!Ab1!')).to.equal(null);
  });

  it('refuses weak passwords', () => {
    expect(validatePassword('abcdefgh')).to.equal('password.classes');
    expect(validatePassword('abcd1234')).to.equal('password.classes');
    expect(validatePassword('ABCDabcd')).to.equal('password.classes');
    expect(validatePassword(DEFAULT_OPERATOR_PASSWORD)).to.equal('password.classes');
    expect(validatePassword('!!!!1111')).to.equal('password.classes');
  });

  it('requires 8-16 characters', () => {
    expect(validatePassword('Ab1!Ab1')).to.equal('password.length');
    expect(validatePassword('Ab1!Ab1!Ab1!Ab1!A')).to.equal('password.length');
  });

  it('refuses spaces and non-ASCII', () => {
    expect(validatePassword('Abc def12')).to.equal('password.chars');
    expect(validatePassword('Abcdef12密码')).to.equal('password.chars');
    expect(validatePassword(' Abcdef12')).to.equal('password.chars');
  });

  it('reports missing values as required', () => {
    expect(validatePassword('')).to.equal('required');
    expect(validatePassword(undefined)).to.equal('required');
    expect(validatePassword(12345678)).to.equal('required');
  });

  it('keeps the default operator password as eight 8s', () => {
    expect(DEFAULT_OPERATOR_PASSWORD).to.equal('88888888');
  });
});

describe('mobile, email and names', () => {
  it('checks mainland mobiles', () => {
    expect(validateMobile('13812345678')).to.equal(null);
    expect(validateMobile('19912345678')).to.equal(null);
    expect(validateMobile('12812345678')).to.equal('mobile.format');
    expect(validateMobile('1381234567')).to.equal('mobile.format');
    expect(validateMobile('138123456789')).to.equal('mobile.format');
    expect(validateMobile('+8613812345678')).to.equal('mobile.format');
    expect(validateMobile('')).to.equal('required');
    expect(validateMobile(13812345678)).to.equal('required');
  });

  it('checks emails, optional when asked', () => {
    expect(validateEmail('zhang.san@example.com')).to.equal(null);
    expect(validateEmail('zhang@example')).to.equal('email.format');
    expect(validateEmail('zhang san@example.com')).to.equal('email.format');
    expect(validateEmail('@example.com')).to.equal('email.format');
    expect(validateEmail('')).to.equal('required');
    expect(validateEmail('', false)).to.equal(null);
    expect(validateEmail(undefined, false)).to.equal(null);
    expect(validateEmail('nope', false)).to.equal('email.format');
  });

  it('limits person names to 50 characters', () => {
    expect(validatePersonName('张三')).to.equal(null);
    expect(validatePersonName('张'.repeat(50))).to.equal(null);
    expect(validatePersonName('张'.repeat(51))).to.equal('name.length');
    expect(validatePersonName('  ')).to.equal('required');
  });

  it('limits enterprise names to 100 characters', () => {
    expect(validateEnterpriseName('河北某某进出口贸易有限公司')).to.equal(null);
    expect(validateEnterpriseName('企'.repeat(100))).to.equal(null);
    expect(validateEnterpriseName('企'.repeat(101))).to.equal('enterpriseName.length');
    expect(validateEnterpriseName(null)).to.equal('required');
  });

  describe('invisible control characters in names', () => {
    // C0 (NUL, TAB, ESC, US), DEL, C1 (U+0080, CSI, APC), LRM/RLM, ALM, the embeddings and
    // overrides U+202A–U+202E and the isolates U+2066–U+2069.
    const controls = ['\u0000', '\u0009', '\u001B', '\u001F', '\u007F', '\u0080', '\u009B', '\u009F', '\u200E', '\u200F', '\u061C',
      '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

    it('refuses them inside every kind of name, with a field-level code', () => {
      for (const c of controls) {
        const label = `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`;
        expect(validatePersonName(`张${c}三`), label).to.equal('text.controlChars');
        expect(validateEnterpriseName(`河北${c}贸易有限公司`), label).to.equal('text.controlChars');
        expect(validateNameText(`Example${c} GmbH`, 200, true), label).to.equal('text.controlChars');
        expect(validateOverseasAccount({ organization: `O${c}rg`, contact: `J${c}S`, department: `D${c}ept` }), label)
          .to.include({ organization: 'text.controlChars', contact: 'text.controlChars', department: 'text.controlChars' });
        expect(validateEnterpriseInfo({ name: `河北${c}贸易`, legalRepName: `李${c}明` }, '20250615'), label).to.include({ name: 'text.controlChars', legalRepName: 'text.controlChars' });
        expect(validateOperatorInfo({ name: `王${c}五` }, '20250615'), label).to.include({ name: 'text.controlChars' });
        expect(validateIdentityChange({ legalRepName: `赵${c}六` }, 'resident', 'legalRep'), label).to.include({ legalRepName: 'text.controlChars' });
      }
    });

    it('keeps ordinary names, spaces and punctuation', () => {
      for (const name of ['张三', 'John Smith', 'Zoë O’Brien-Smith', '阿卜杜拉·买买提', 'محمد']) expect(validatePersonName(name), name).to.equal(null);
      expect(validateEnterpriseName('北京华贸进出口有限公司（分公司）')).to.equal(null);
      expect(validatePersonName(' 张三 '), 'surrounding spaces are trimmed, not refused').to.equal(null);
    });
  });
});
