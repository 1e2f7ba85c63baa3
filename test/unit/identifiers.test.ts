import { expect } from 'chai';
import {
  ID_TYPES,
  ID_TYPE_LABELS,
  normalizeIdNumber,
  orgCodeCheckChar,
  orgCodeFromUscc,
  usccCheckChar,
  validateDateYmd,
  validateIdNumber,
  validateOrgCode,
  validateResidentId,
  validateUscc,
  validateValidity,
} from '../../domain/identifiers';

// Independent MOD 11-2 computation, so the test does not trust the code under test.
function residentCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11];
}
const rid = (first17: string) => first17 + residentCheck(first17);
const TODAY = '20250615';

describe('USCC (GB 32100-2015)', () => {
  const MANUAL = '9113000034801880XB';

  it('accepts the manual example', () => {
    expect(validateUscc(MANUAL)).to.equal(null);
    expect(usccCheckChar(MANUAL.slice(0, 17))).to.equal('B');
  });

  it('rejects a wrong check character', () => {
    expect(validateUscc('9113000034801880XA')).to.equal('uscc.check');
    expect(validateUscc('9113000034801880X0')).to.equal('uscc.check');
  });

  it('rejects a changed body character through the check', () => {
    expect(validateUscc('9113000034801881XB')).to.equal('uscc.check');
  });

  it('maps a check value of 31 to 0', () => {
    // Σ = 0 → 31 − 0 = 31 → '0'
    expect(usccCheckChar('00000000000000000')).to.equal('0');
    expect(validateUscc('000000000000000000')).to.equal(null);
  });

  it('reports missing, wrong length and forbidden letters as format or required', () => {
    expect(validateUscc('')).to.equal('required');
    expect(validateUscc('   ')).to.equal('required');
    expect(validateUscc(undefined)).to.equal('required');
    expect(validateUscc(12345)).to.equal('required');
    expect(validateUscc('9113000034801880X')).to.equal('uscc.format');
    expect(validateUscc('9113000034801880XBB')).to.equal('uscc.format');
    expect(validateUscc('9113000034801880IB')).to.equal('uscc.format'); // I is not in the alphabet
    expect(validateUscc('91130000-34801880X')).to.equal('uscc.format');
  });

  it('tolerates surrounding spaces and lower case', () => {
    expect(validateUscc(' 9113000034801880xb ')).to.equal(null);
  });

  it('takes characters 9-17 as the organization code', () => {
    expect(orgCodeFromUscc(MANUAL)).to.equal('34801880X');
  });
});

describe('organization code (GB 11714)', () => {
  it('accepts the manual example and computes its check', () => {
    expect(orgCodeCheckChar('34801880')).to.equal('X');
    expect(validateOrgCode('34801880X')).to.equal(null);
    expect(validateOrgCode('34801880X', '9113000034801880XB')).to.equal(null);
  });

  it('maps 11 to 0 and handles letters', () => {
    // Σ(weights) for '10000000' = 3 → 11 − 3 = 8
    expect(orgCodeCheckChar('10000000')).to.equal('8');
    // 'A' = 10 → Σ = 30 → 30 mod 11 = 8 → 3
    expect(orgCodeCheckChar('A0000000')).to.equal('3');
    expect(orgCodeCheckChar('00000000')).to.equal('0');
  });

  it('rejects a wrong check character', () => {
    expect(validateOrgCode('348018801')).to.equal('orgCode.check');
  });

  it('rejects a valid code that is not the USCC characters 9-17', () => {
    const other = '12345678' + orgCodeCheckChar('12345678');
    expect(validateOrgCode(other)).to.equal(null);
    expect(validateOrgCode(other, '9113000034801880XB')).to.equal('orgCode.mismatch');
  });

  it('does not compare against an invalid USCC', () => {
    const other = '12345678' + orgCodeCheckChar('12345678');
    expect(validateOrgCode(other, '9113000034801880XA')).to.equal(null);
    expect(validateOrgCode(other, '')).to.equal(null);
  });

  it('reports format and required', () => {
    expect(validateOrgCode('')).to.equal('required');
    expect(validateOrgCode(null)).to.equal('required');
    expect(validateOrgCode('34801880-X')).to.equal('orgCode.format');
    expect(validateOrgCode('3480188X')).to.equal('orgCode.format');
    expect(validateOrgCode('34801880Y')).to.equal('orgCode.format');
  });
});

describe('resident ID (GB 11643)', () => {
  it('accepts IDs with a computed check digit, X included, lower-case x too', () => {
    expect(rid('11010519491231002')).to.equal('11010519491231002X');
    expect(validateResidentId('11010519491231002X', TODAY)).to.equal(null);
    expect(validateResidentId('11010519491231002x', TODAY)).to.equal(null);
    expect(validateResidentId(rid('13010319800101181'), TODAY)).to.equal(null);
  });

  it('rejects a wrong check digit', () => {
    const good = rid('13010319800101181');
    const bad = good.slice(0, 17) + (good[17] === '3' ? '4' : '3');
    expect(validateResidentId(bad, TODAY)).to.equal('residentId.check');
    expect(validateResidentId('110105194912310021', TODAY)).to.equal('residentId.check');
  });

  it('rejects impossible, future and pre-1900 birth dates', () => {
    expect(validateResidentId(rid('13010319990230181'), TODAY)).to.equal('residentId.birthDate');
    expect(validateResidentId(rid('13010319991301181'), TODAY)).to.equal('residentId.birthDate');
    expect(validateResidentId(rid('13010320250616181'), TODAY)).to.equal('residentId.birthDate');
    expect(validateResidentId(rid('13010318991231181'), TODAY)).to.equal('residentId.birthDate');
    // 29 February only in leap years
    expect(validateResidentId(rid('13010320000229181'), TODAY)).to.equal(null);
    expect(validateResidentId(rid('13010319000229181'), TODAY)).to.equal('residentId.birthDate');
    // born today is fine
    expect(validateResidentId(rid('13010320250615181'), TODAY)).to.equal(null);
  });

  it('reports format and required', () => {
    expect(validateResidentId('', TODAY)).to.equal('required');
    expect(validateResidentId(undefined, TODAY)).to.equal('required');
    expect(validateResidentId('130103800101181', TODAY)).to.equal('residentId.format'); // old 15-digit
    expect(validateResidentId('13010319800101181Y', TODAY)).to.equal('residentId.format');
    expect(validateResidentId('030103198001011810', TODAY)).to.equal('residentId.format');
  });
});

describe('ID types and numbers', () => {
  it('has a Chinese and English label for every type', () => {
    expect(ID_TYPES).to.deep.equal(['resident', 'passport', 'taiwan', 'hkmacao', 'foreigner', 'other']);
    for (const t of ID_TYPES) {
      expect(ID_TYPE_LABELS[t].zh).to.be.a('string').that.is.not.empty;
      expect(ID_TYPE_LABELS[t].en).to.be.a('string').that.is.not.empty;
    }
    expect(ID_TYPE_LABELS.resident.zh).to.equal('居民身份证');
    expect(ID_TYPE_LABELS.hkmacao.zh).to.equal('港澳居民来往内地通行证');
  });

  it('rejects unknown types', () => {
    expect(validateIdNumber('driver', 'ABC12345')).to.equal('idType.invalid');
    expect(validateIdNumber(undefined, 'ABC12345')).to.equal('idType.invalid');
  });

  it('uses the resident rules for resident IDs', () => {
    expect(validateIdNumber('resident', '11010519491231002X', TODAY)).to.equal(null);
    expect(validateIdNumber('resident', '110105194912310021', TODAY)).to.equal('residentId.check');
    expect(validateIdNumber('resident', '', TODAY)).to.equal('required');
  });

  it('checks passports', () => {
    expect(validateIdNumber('passport', 'E12345678')).to.equal(null);
    expect(validateIdNumber('passport', 'e12345678')).to.equal(null);
    expect(validateIdNumber('passport', 'E123')).to.equal('passport.format');
    expect(validateIdNumber('passport', 'E1234567890123456789X')).to.equal('passport.format');
    expect(validateIdNumber('passport', 'E1234-5678')).to.equal('passport.format');
    expect(validateIdNumber('passport', '')).to.equal('required');
  });

  it('checks HK/Macao permits', () => {
    expect(validateIdNumber('hkmacao', 'H12345678')).to.equal(null);
    expect(validateIdNumber('hkmacao', 'M1234567890')).to.equal(null);
    expect(validateIdNumber('hkmacao', 'H123456789')).to.equal('hkmacao.format');
    expect(validateIdNumber('hkmacao', 'K12345678')).to.equal('hkmacao.format');
  });

  it('checks Taiwan permits', () => {
    expect(validateIdNumber('taiwan', '12345678')).to.equal(null);
    expect(validateIdNumber('taiwan', '1234567890')).to.equal(null);
    expect(validateIdNumber('taiwan', '123456789')).to.equal('taiwan.format');
    expect(validateIdNumber('taiwan', 'T12345678')).to.equal('taiwan.format');
  });

  it('checks foreign permanent residence IDs', () => {
    expect(validateIdNumber('foreigner', 'USA310012345678')).to.equal(null);
    expect(validateIdNumber('foreigner', '911840199001011234')).to.equal(null);
    expect(validateIdNumber('foreigner', 'USA31001234567')).to.equal('foreigner.format');
    expect(validateIdNumber('foreigner', '9118401990010112345')).to.equal('foreigner.format');
  });

  it('checks other documents loosely', () => {
    expect(validateIdNumber('other', 'A-1/2')).to.equal(null);
    expect(validateIdNumber('other', 'x'.repeat(30))).to.equal(null);
    expect(validateIdNumber('other', 'x'.repeat(31))).to.equal('idNumber.format');
    expect(validateIdNumber('other', 'AB 12')).to.equal('idNumber.format');
    expect(validateIdNumber('other', '  ')).to.equal('required');
  });

  it('normalizes by trimming and upper-casing', () => {
    expect(normalizeIdNumber('  e12345678 ')).to.equal('E12345678');
    expect(normalizeIdNumber('11010519491231002x')).to.equal('11010519491231002X');
  });
});

describe('dates and validity', () => {
  it('validates YYYYMMDD dates', () => {
    expect(validateDateYmd('20240229')).to.equal(null);
    expect(validateDateYmd('20230229')).to.equal('date.invalid');
    expect(validateDateYmd('20231301')).to.equal('date.invalid');
    expect(validateDateYmd('20230431')).to.equal('date.invalid');
    expect(validateDateYmd('2023-04-01')).to.equal('date.format');
    expect(validateDateYmd('2023041')).to.equal('date.format');
    expect(validateDateYmd('')).to.equal('required');
    expect(validateDateYmd(20230401)).to.equal('required');
  });

  it('allows 00000000 only as long-term', () => {
    expect(validateDateYmd('00000000')).to.equal('date.invalid');
    expect(validateDateYmd('00000000', { allowLongTerm: true })).to.equal(null);
  });

  it('accepts a normal period and a long-term one', () => {
    expect(validateValidity('20200101', '20300101', TODAY)).to.deep.equal({});
    expect(validateValidity('20200101', '00000000', TODAY)).to.deep.equal({});
    expect(validateValidity('20200101', '20250615', TODAY)).to.deep.equal({}); // last day still valid
  });

  it('reports an end before the start', () => {
    expect(validateValidity('20300101', '20290101', '20310101')).to.deep.equal({ to: 'validity.endBeforeStart' });
    expect(validateValidity('20200101', '20190101', TODAY)).to.deep.equal({ to: 'validity.endBeforeStart' });
  });

  it('reports an expired document', () => {
    expect(validateValidity('20100101', '20250614', TODAY)).to.deep.equal({ to: 'validity.expired' });
  });

  it('reports a start in the future', () => {
    expect(validateValidity('20250616', '20350616', TODAY)).to.deep.equal({ from: 'validity.startInFuture' });
  });

  it('checks each date on its own', () => {
    expect(validateValidity('', '', TODAY)).to.deep.equal({ from: 'required', to: 'required' });
    expect(validateValidity('00000000', '20300101', TODAY)).to.deep.equal({ from: 'date.invalid' });
    expect(validateValidity('20200230', '2030', TODAY)).to.deep.equal({ from: 'date.invalid', to: 'date.format' });
    // with a bad start, the end is still checked against today
    expect(validateValidity('x', '20200101', TODAY)).to.deep.equal({ from: 'date.format', to: 'validity.expired' });
  });
});
