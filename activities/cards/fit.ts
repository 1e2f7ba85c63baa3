// The binding rule: whether a card's holder fits an account (C1 binding, N6 identity changes,
// N4 real name by IC card). No I/O: the callers read the rows.
import type { AccountAttrs, CardAttrs, EnterpriseAttrs } from '../../db';

/** The parts of an account and its enterprise a card's holder identity is compared with. */
export type CardFitAccount = Pick<AccountAttrs, 'kind' | 'name' | 'idType' | 'idNumberHash'>;
export type CardFitEnterprise = Pick<EnterpriseAttrs, 'uscc' | 'legalRepName' | 'legalRepIdType' | 'legalRepIdNumberHash'>;
export type CardFitCard = Pick<CardAttrs, 'uscc' | 'cardType' | 'holderName' | 'holderIdType' | 'holderIdHash'>;

/**
 * Why a card does not fit an account's identity, or null: the enterprise, the card type, and the
 * holder (name, ID type, ID number) as the account's owner or, for the administrator, as the
 * legal representative. Binding (C1) and identity changes (N6: drop a card that no longer fits)
 * use the same rule.
 */
export function cardMismatch(account: CardFitAccount, enterprise: CardFitEnterprise | null, card: CardFitCard): string | null {
  if (!enterprise || enterprise.uscc !== card.uscc) return 'card.otherEnterprise';
  if ((account.kind === 'admin') !== (card.cardType === 'legal')) return 'card.wrongType';
  const holder = card.holderName.trim();
  const sameAsAccount = card.holderIdType === account.idType && card.holderIdHash === account.idNumberHash && holder === account.name.trim();
  // The administrator represents the legal person: the legal representative's card fits it too.
  const sameAsLegalRep = account.kind === 'admin' && card.holderIdType === enterprise.legalRepIdType
    && card.holderIdHash === enterprise.legalRepIdNumberHash && holder === enterprise.legalRepName.trim();
  return sameAsAccount || sameAsLegalRep ? null : 'card.identityMismatch';
}
