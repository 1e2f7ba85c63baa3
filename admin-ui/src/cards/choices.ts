import { enumChoices } from '../common/fields';

export const CARD_TYPES = enumChoices('cardType', ['legal', 'operator']);
export const CARD_STATUSES = enumChoices('cardStatus', ['active', 'frozen', 'lost', 'locked', 'revoked', 'expired']);
