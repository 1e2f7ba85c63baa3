// Domain rules of the enterprise's management pages: the operator edit form (O4), the username
// exception of deleted migrated users (O6), qualification saves (Q1), the permission catalogue (Q2).
import { expect } from 'chai';
import {
  APP_PERMISSION_CATALOGUE, categoryState, MESSAGES, parseAppItems, validateOperatorEdit, validateOperatorUsername,
  validateQualificationSave, validateQualificationValue, QUALIFICATION_CATALOGUE,
} from '../../domain';

const TODAY = '20250615';
const edit = {
  name: '王小丽', mobile: '', idType: 'resident', idNumber: '', idValidFrom: '20200101', idValidTo: '20400101', email: '', status: 'active',
};

describe('operator edit form (O4)', () => {
  it('accepts blank mobile and ID number (kept) while the ID type stays', () => {
    expect(validateOperatorEdit(edit, TODAY, { currentIdType: 'resident' })).to.deep.equal({});
  });
  it('needs the number of a new ID type, checks filled values like adding', () => {
    expect(validateOperatorEdit({ ...edit, idType: 'passport' }, TODAY, { currentIdType: 'resident' })).to.deep.equal({ idNumber: 'required' });
    expect(validateOperatorEdit({ ...edit, mobile: '123' }, TODAY, { currentIdType: 'resident' })).to.deep.equal({ mobile: 'mobile.format' });
    expect(validateOperatorEdit({ ...edit, idNumber: '110101199902300011' }, TODAY, { currentIdType: 'resident' }).idNumber).to.equal('residentId.birthDate');
    expect(validateOperatorEdit({ ...edit, status: 'gone' }, TODAY, { currentIdType: 'resident' })).to.deep.equal({ status: 'required' });
    expect(validateOperatorEdit({ ...edit, idValidFrom: '' }, TODAY, { currentIdType: 'resident' })).to.deep.equal({ idValidFrom: 'required' });
  });
  it('leaves the validity alone for a client that sends no identity fields', () => {
    expect(validateOperatorEdit({ ...edit, idValidFrom: '', idValidTo: '' }, TODAY, { currentIdType: 'resident', checkValidity: false })).to.deep.equal({});
  });
});

describe('usernames of deleted migrated users (O6)', () => {
  it('exempts exactly those from the rules', () => {
    expect(validateOperatorUsername('HM_zhang', ['HM_zhang'])).to.equal(null);
    expect(validateOperatorUsername('hm_zhang', ['HM_zhang'])).to.equal('username.chars');
    expect(validateOperatorUsername('HM_zhang', [])).to.equal('username.chars');
    expect(validateOperatorUsername('abc', ['x'])).to.equal('username.length');
    expect(validateOperatorUsername('a b', ['a b'])).to.equal('username.migratedFormat');
    expect(validateOperatorUsername('operator01', [])).to.equal(null);
  });
});

describe('qualifications (Q1)', () => {
  it('refuses a changed system field, accepts it unchanged', () => {
    expect(validateQualificationSave('customs', { customsRegNo: '1' }, { customsRegNo: '2' })).to.deep.equal({ customsRegNo: 'qualification.readOnly' });
    expect(validateQualificationSave('customs', { customsRegNo: '2' }, { customsRegNo: '2' })).to.deep.equal({});
    expect(validateQualificationSave('trade', { nope: 'x' }, {})).to.deep.equal({ nope: 'qualification.unknownField' });
  });
  it('checks each kind of field; empty is always fine', () => {
    const all = QUALIFICATION_CATALOGUE.flatMap((s) => s.fields);
    const byKind = (k: string) => all.find((f) => f.kind === k)!;
    expect(validateQualificationValue(byKind('customsCode'), '010')).to.equal('customsCode.format');
    expect(validateQualificationValue(byKind('customsCode'), '0100')).to.equal(null);
    expect(validateQualificationValue(byKind('date'), '20250230')).to.equal('date.invalid');
    expect(validateQualificationValue(byKind('select'), 'x')).to.equal('option.invalid');
    expect(validateQualificationValue(byKind('flag'), '1')).to.equal(null);
    for (const f of all) expect(validateQualificationValue(f, '')).to.equal(null);
  });
  it('has messages for its codes and every field labelled in both languages', () => {
    for (const c of ['qualification.readOnly', 'qualification.unknownField', 'option.invalid', 'customsCode.format', 'mofcom.notFound']) expect(MESSAGES).to.have.property(c);
    for (const s of QUALIFICATION_CATALOGUE) for (const f of s.fields) expect(f.zh && f.en, f.key).to.be.ok;
  });
});

describe('app permission catalogue (Q2)', () => {
  it('has unique codes, each under its category', () => {
    const codes = APP_PERMISSION_CATALOGUE.flatMap((c) => c.items.map((i) => i.code));
    expect(new Set(codes).size).to.equal(codes.length);
    for (const c of APP_PERMISSION_CATALOGUE) for (const i of c.items) expect(i.code.startsWith(`${c.code}.`)).to.equal(true);
  });
  it('expands categories, orders and de-duplicates, names the first unknown code', () => {
    expect(parseAppItems(['payment', 'cargo.query', 'cargo.query'])).to.deep.equal({ items: ['cargo.query', 'payment.pay', 'payment.query'] });
    expect(parseAppItems(['cargo.query', 'x.y'])).to.deep.equal({ unknown: 'x.y' });
    expect(parseAppItems('cargo')).to.have.property('unknown');
  });
  it('tells a category all / some / none', () => {
    const cargo = APP_PERMISSION_CATALOGUE[0];
    expect(categoryState(cargo, [])).to.equal('none');
    expect(categoryState(cargo, [cargo.items[0].code])).to.equal('some');
    expect(categoryState(cargo, cargo.items.map((i) => i.code))).to.equal('all');
  });
});
