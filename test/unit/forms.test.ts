import { expect } from 'chai';
import { hasErrors } from '../../domain/errors';
import {
  validateAdminAccount,
  validateEnterpriseInfo,
  validateOperatorInfo,
  validatePasswordPair,
} from '../../domain/forms';

const TODAY = '20250615';

const enterprise = {
  uscc: '9113000034801880XB',
  orgCode: '34801880X',
  name: '河北某某进出口贸易有限公司',
  legalRepName: '张三',
  legalRepIdType: 'resident',
  legalRepIdNumber: '11010519491231002X',
  legalRepIdValidFrom: '20150101',
  legalRepIdValidTo: '00000000',
};

const admin = {
  username: 'HbTrade01',
  name: '李四',
  idType: 'resident',
  idNumber: '11010519491231002X',
  email: 'lisi@example.com',
  mobile: '13812345678',
  smsCode: '123456',
  agreement: true,
};

const operator = {
  username: 'wangwu01',
  name: '王五',
  mobile: '13912345678',
  idType: 'passport',
  idNumber: 'E12345678',
  idValidFrom: '',
  idValidTo: '',
};

describe('enterprise information form', () => {
  it('accepts the manual example', () => {
    const e = validateEnterpriseInfo(enterprise, TODAY);
    expect(e).to.deep.equal({});
    expect(hasErrors(e)).to.equal(false);
  });

  it('reports every field of an empty form as required', () => {
    expect(validateEnterpriseInfo({}, TODAY)).to.deep.equal({
      uscc: 'required',
      orgCode: 'required',
      name: 'required',
      legalRepName: 'required',
      legalRepIdType: 'required',
      legalRepIdNumber: 'required',
    });
    // The validity dates belong to a resident ID, so they are asked once that type is chosen.
    expect(validateEnterpriseInfo({ legalRepIdType: 'resident' }, TODAY)).to.include({
      legalRepIdValidFrom: 'required',
      legalRepIdValidTo: 'required',
    });
    expect(hasErrors(validateEnterpriseInfo(undefined, TODAY))).to.equal(true);
  });

  it('treats non-strings as missing', () => {
    const e = validateEnterpriseInfo({ ...enterprise, uscc: 9113, name: { x: 1 }, legalRepName: null }, TODAY);
    expect(e).to.deep.equal({ uscc: 'required', name: 'required', legalRepName: 'required' });
  });

  it('reports a bad USCC check and an org code that does not match', () => {
    expect(validateEnterpriseInfo({ ...enterprise, uscc: '9113000034801880XA' }, TODAY)).to.deep.equal({
      uscc: 'uscc.check',
    });
    expect(validateEnterpriseInfo({ ...enterprise, orgCode: '123456789' }, TODAY)).to.deep.equal({
      orgCode: 'orgCode.check',
    });
    // 123456788 passes its own check (Σ = 201, 11 − 201 mod 11 = 8) but is not in the USCC.
    expect(validateEnterpriseInfo({ ...enterprise, orgCode: '123456788' }, TODAY)).to.deep.equal({
      orgCode: 'orgCode.mismatch',
    });
  });

  it('reports the legal representative ID and its validity', () => {
    expect(
      validateEnterpriseInfo(
        { ...enterprise, legalRepIdNumber: '110105194912310021', legalRepIdValidFrom: '20200101', legalRepIdValidTo: '20190101' },
        TODAY,
      ),
    ).to.deep.equal({ legalRepIdNumber: 'residentId.check', legalRepIdValidTo: 'validity.endBeforeStart' });
    expect(validateEnterpriseInfo({ ...enterprise, legalRepIdValidTo: '20250101' }, TODAY)).to.deep.equal({
      legalRepIdValidTo: 'validity.expired',
    });
  });

  it('puts an unknown ID type on the type field', () => {
    expect(validateEnterpriseInfo({ ...enterprise, legalRepIdType: 'card' }, TODAY)).to.deep.equal({
      legalRepIdType: 'idType.invalid',
    });
    expect(validateEnterpriseInfo({ ...enterprise, legalRepIdType: 'card', legalRepIdNumber: '' }, TODAY)).to.deep.equal({
      legalRepIdType: 'idType.invalid',
      legalRepIdNumber: 'required',
    });
  });

  it('does not ask validity dates for other documents but checks them when filled', () => {
    const foreign = { ...enterprise, legalRepIdType: 'passport', legalRepIdNumber: 'E12345678' };
    expect(validateEnterpriseInfo({ ...foreign, legalRepIdValidFrom: '', legalRepIdValidTo: '' }, TODAY)).to.deep.equal({});
    expect(validateEnterpriseInfo({ ...foreign, legalRepIdValidFrom: '2020', legalRepIdValidTo: '' }, TODAY)).to.deep.equal({
      legalRepIdValidFrom: 'date.format',
      legalRepIdValidTo: 'required',
    });
  });
});

describe('admin account form', () => {
  it('accepts a complete form', () => {
    expect(validateAdminAccount(admin, TODAY)).to.deep.equal({});
  });

  it('reports an empty form', () => {
    expect(validateAdminAccount({}, TODAY)).to.deep.equal({
      username: 'required',
      name: 'required',
      idType: 'required',
      idNumber: 'required',
      email: 'required',
      mobile: 'required',
      smsCode: 'required',
      agreement: 'agreement.required',
    });
  });

  it('checks the SMS code format and the agreement', () => {
    expect(validateAdminAccount({ ...admin, smsCode: '12345' }, TODAY)).to.deep.equal({ smsCode: 'sms.format' });
    expect(validateAdminAccount({ ...admin, smsCode: '12345a' }, TODAY)).to.deep.equal({ smsCode: 'sms.format' });
    expect(validateAdminAccount({ ...admin, agreement: false }, TODAY)).to.deep.equal({ agreement: 'agreement.required' });
    expect(validateAdminAccount({ ...admin, agreement: 'true' }, TODAY)).to.deep.equal({ agreement: 'agreement.required' });
  });

  it('checks username, ID, email and mobile', () => {
    expect(
      validateAdminAccount(
        { ...admin, username: 'abc', idType: 'hkmacao', idNumber: 'X1234', email: 'x', mobile: '123' },
        TODAY,
      ),
    ).to.deep.equal({
      username: 'username.length',
      idNumber: 'hkmacao.format',
      email: 'email.format',
      mobile: 'mobile.format',
    });
  });

  it('ignores any password sent along', () => {
    expect(validateAdminAccount({ ...admin, password: 'x' } as never, TODAY)).to.deep.equal({});
  });
});

describe('password pair', () => {
  it('accepts matching strong passwords', () => {
    expect(validatePasswordPair('Abcdef12', 'Abcdef12')).to.deep.equal({});
  });

  it('reports a mismatch on the confirmation', () => {
    expect(validatePasswordPair('Abcdef12', 'Abcdef13')).to.deep.equal({ confirmPassword: 'password.mismatch' });
  });

  it('reports weak and missing passwords', () => {
    expect(validatePasswordPair('abcdefgh', 'abcdefgh')).to.deep.equal({ password: 'password.classes' });
    expect(validatePasswordPair('', '')).to.deep.equal({ password: 'required', confirmPassword: 'required' });
    expect(validatePasswordPair(undefined, 5)).to.deep.equal({ password: 'required', confirmPassword: 'required' });
  });
});

describe('operator form', () => {
  it('accepts an operator with a passport and no email', () => {
    expect(validateOperatorInfo(operator, TODAY)).to.deep.equal({});
  });

  it('requires lower-case usernames', () => {
    expect(validateOperatorInfo({ ...operator, username: 'WangWu01' }, TODAY)).to.deep.equal({
      username: 'username.chars',
    });
  });

  it('checks a filled email only', () => {
    expect(validateOperatorInfo({ ...operator, email: 'ww@example.com' }, TODAY)).to.deep.equal({});
    expect(validateOperatorInfo({ ...operator, email: 'ww' }, TODAY)).to.deep.equal({ email: 'email.format' });
  });

  it('requires validity dates for a resident ID, long-term allowed', () => {
    const resident = { ...operator, idType: 'resident', idNumber: '11010519491231002X' };
    expect(validateOperatorInfo(resident, TODAY)).to.deep.equal({ idValidFrom: 'required', idValidTo: 'required' });
    expect(validateOperatorInfo({ ...resident, idValidFrom: '20100101', idValidTo: '00000000' }, TODAY)).to.deep.equal({});
    expect(validateOperatorInfo({ ...resident, idValidFrom: '20100101', idValidTo: '20100230' }, TODAY)).to.deep.equal({
      idValidTo: 'date.invalid',
    });
  });

  it('reports a resident ID with an impossible birth date', () => {
    const e = validateOperatorInfo(
      { ...operator, idType: 'resident', idNumber: '130103199902301810', idValidFrom: '20100101', idValidTo: '00000000' },
      TODAY,
    );
    expect(e).to.deep.equal({ idNumber: 'residentId.birthDate' });
  });
});
