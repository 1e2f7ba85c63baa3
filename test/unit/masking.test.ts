import { expect } from 'chai';
import { maskEmail, maskIdNumber, maskMobile } from '../../domain/masking';

describe('masking', () => {
  it('masks ID numbers like the manual', () => {
    expect(maskIdNumber('130103198001011813')).to.equal('1301******1813');
    expect(maskIdNumber('E123456789')).to.equal('E123******6789');
  });

  it('never shows a short ID number whole', () => {
    expect(maskIdNumber('12345678')).to.equal('1***8');
    expect(maskIdNumber('H1234')).to.equal('H***4');
    expect(maskIdNumber('AB')).to.equal('***');
    expect(maskIdNumber('A')).to.equal('***');
  });

  it('returns empty for empty or missing values', () => {
    expect(maskIdNumber('')).to.equal('');
    expect(maskIdNumber(undefined)).to.equal('');
    expect(maskMobile(null)).to.equal('');
    expect(maskEmail('')).to.equal('');
  });

  it('masks mobiles', () => {
    expect(maskMobile('13812345678')).to.equal('138****5678');
    expect(maskMobile('12345')).to.equal('1***5');
  });

  it('masks emails but keeps the domain', () => {
    expect(maskEmail('zhang.san@example.com')).to.equal('z***@example.com');
    expect(maskEmail('a@example.com')).to.equal('a***@example.com');
    expect(maskEmail('not-an-email')).to.equal('n***l');
  });
});
