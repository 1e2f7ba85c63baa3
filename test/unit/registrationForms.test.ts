// Domain rules of the registration types: institution USCCs (R3), the individual form with its
// two verification paths (R4), the overseas form and the country list (R5).
import { expect } from 'chai';
import {
  COUNTRIES,
  countryLabel,
  findCountry,
  messageFor,
  residentIdCheckChar,
  validateCountry,
  validateIndividualAccount,
  validateInstitutionUscc,
  validateOverseasAccount,
  validatePhone,
  validateRegNo,
  verifiesByEmail,
} from '../../domain';

const TODAY = '20260615';
const rid = (first17: string) => first17 + residentIdCheckChar(first17);

describe('registration forms (R3, R4, R5)', () => {
  it('R3: an institution USCC starts with 12 and is otherwise a valid USCC', () => {
    expect(validateInstitutionUscc('12100000400013599U')).to.equal(null);
    expect(validateInstitutionUscc('121100004006881314')).to.equal(null);
    expect(validateInstitutionUscc('9113000034801880XB')).to.equal('uscc.notInstitution');
    expect(validateInstitutionUscc('12100000400013599A')).to.equal('uscc.check');
    expect(validateInstitutionUscc('')).to.equal('required');
  });

  describe('R4 individual', () => {
    const base = {
      name: '张三', idType: 'resident', idNumber: rid('11010119900101123'), idValidFrom: '20200101', idValidTo: '00000000',
      username: 'zhangsan01', mobile: '13912345678', smsCode: '123456', email: 'z@example.cn', emailCode: '', agreement: true,
    };

    it('accepts a resident ID with mobile and SMS code, no e-mail code needed', () => {
      expect(validateIndividualAccount(base, TODAY)).to.deep.equal({});
    });

    it('needs mobile, SMS code and validity dates with a resident ID', () => {
      const e = validateIndividualAccount({ ...base, mobile: '', smsCode: '', idValidFrom: '' }, TODAY);
      expect(e).to.deep.equal({ mobile: 'required', smsCode: 'required', idValidFrom: 'required' });
    });

    it('with a foreign document: e-mail code instead, mobile optional but verified when given', () => {
      for (const idType of ['passport', 'taiwan', 'hkmacao', 'foreigner']) expect(verifiesByEmail(idType), idType).to.equal(true);
      for (const idType of ['resident', 'other', '', undefined]) expect(verifiesByEmail(idType)).to.equal(false);
      const passport = { ...base, idType: 'passport', idNumber: 'E12345678', idValidFrom: '', idValidTo: '', mobile: '', smsCode: '' };
      expect(validateIndividualAccount({ ...passport, emailCode: '654321' }, TODAY)).to.deep.equal({});
      expect(validateIndividualAccount(passport, TODAY)).to.deep.equal({ emailCode: 'required' });
      expect(validateIndividualAccount({ ...passport, emailCode: '12ab' }, TODAY)).to.deep.equal({ emailCode: 'emailCode.format' });
      expect(validateIndividualAccount({ ...passport, emailCode: '654321', mobile: '13912345678' }, TODAY)).to.deep.equal({ smsCode: 'required' });
    });

    it('applies the individual username rule and the agreement', () => {
      const e = validateIndividualAccount({ ...base, username: 'ZhangSan01', agreement: 'true' as unknown as boolean }, TODAY);
      expect(e).to.deep.equal({ username: 'username.chars', agreement: 'agreement.required' });
    });
  });

  describe('R5 overseas', () => {
    const base = {
      username: 'overseas01', country: 'BDI', regNo: '', organization: 'Coffee Exports S.A.', department: '', jobTitle: '',
      contact: 'Jean', contactPhone: '+257 22 21 00 00', fax: '', mobile: '', address: 'Bujumbura', email: 'j@example.bi', emailCode: '123456', notes: '',
    };

    it('accepts the required fields alone', () => {
      expect(validateOverseasAccount(base)).to.deep.equal({});
    });

    it('names every missing or malformed field', () => {
      const e = validateOverseasAccount({ ...base, username: 'Overseas01', country: 'XYZ', organization: '', contact: ' ', contactPhone: 'call me', fax: '12', address: '', email: 'x', emailCode: '', notes: 'n'.repeat(501), regNo: '#1' });
      expect(e).to.deep.equal({
        username: 'username.chars', country: 'country.invalid', organization: 'required', contact: 'required', contactPhone: 'phone.format',
        fax: 'phone.format', address: 'required', email: 'email.format', emailCode: 'required', notes: 'text.tooLong', regNo: 'regNo.format',
      });
    });

    it('phones and registration numbers of other countries', () => {
      for (const ok of ['+852 2345 6789', '(02) 2345-6789', '0044 20 7946 0958', '13912345678']) expect(validatePhone(ok, true), ok).to.equal(null);
      for (const bad of ['abc', '+', '12', '+1 (555) 0100 ext 3', '1'.repeat(21)]) expect(validatePhone(bad, true), bad).to.equal('phone.format');
      expect(validatePhone('', false)).to.equal(null);
      for (const ok of ['RC-2026-0042', 'HRB 12345', 'No.123/45', '株式会社123']) expect(validateRegNo(ok), ok).to.equal(null);
      expect(validateRegNo('-12')).to.equal('regNo.format');
    });
  });

  describe('countries and regions', () => {
    it('has unique ISO alpha-3 codes with Chinese and English names, and no mainland China', () => {
      const codes = COUNTRIES.map((c) => c.code);
      expect(new Set(codes).size).to.equal(codes.length);
      expect(codes.length).to.equal(248);
      for (const c of COUNTRIES) {
        expect(c.code).to.match(/^[A-Z]{3}$/);
        expect(c.zh).to.match(/[\u4e00-\u9fa5]/);
        expect(c.en).to.match(/^[\x20-\x7e\u00c0-\u00ff]+$/);
      }
      expect(findCountry('CHN')).to.equal(undefined);
    });

    it('names Hong Kong, Macao and Taiwan as regions of China', () => {
      expect(findCountry('hkg')).to.deep.equal({ code: 'HKG', zh: '中国香港', en: 'Hong Kong, China' });
      expect(findCountry('MAC')!.en).to.equal('Macao, China');
      expect(findCountry('TWN')!.zh).to.equal('中国台湾');
      expect(countryLabel('BDI', 'zh')).to.equal('BDI 布隆迪');
    });

    it('validates a code in any case, and has messages in both languages', () => {
      expect(validateCountry(' bdi ')).to.equal(null);
      expect(validateCountry('')).to.equal('required');
      expect(validateCountry('CHN')).to.equal('country.invalid');
      expect(messageFor('country.invalid', 'en')).to.match(/^[\x20-\x7e]+$/);
      expect(messageFor('country.invalid', 'zh')).to.match(/[\u4e00-\u9fa5]/);
    });
  });
});
