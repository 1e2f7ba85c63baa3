// Client-side checks of Chinese enterprise identifiers (SPEC §3), used by the registry forms.

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 organization code, 9 characters without "-". */
export const isValidOrgCode = (code: string): boolean => {
    if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return false;
    let sum = 0;
    for (let i = 0; i < 8; i++) {
        const c = code[i];
        const v = c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55;
        sum += v * ORG_WEIGHTS[i];
    }
    const check = 11 - (sum % 11);
    const expected = check === 10 ? 'X' : check === 11 ? '0' : String(check);
    return code[8] === expected;
};

/** GB 32100-2015 unified social credit code, 18 characters. */
export const isValidUscc = (code: string): boolean => {
    if (code.length !== 18) return false;
    let sum = 0;
    for (let i = 0; i < 17; i++) {
        const v = USCC_ALPHABET.indexOf(code[i]);
        if (v < 0) return false;
        sum += v * USCC_WEIGHTS[i];
    }
    if (USCC_ALPHABET.indexOf(code[17]) < 0) return false;
    const check = 31 - (sum % 31);
    return code[17] === USCC_ALPHABET[check === 31 ? 0 : check];
};

export const validateUscc = (value: unknown) =>
    value && !isValidUscc(String(value)) ? 'sw.validation.uscc' : undefined;

export const validateOrgCode = (value: unknown) =>
    value && !isValidOrgCode(String(value)) ? 'sw.validation.orgCode' : undefined;
