import { enumChoices } from '../common/fields';

export const ACCOUNT_KINDS = enumChoices('accountKind', ['admin', 'operator']);
export const ACCOUNT_STATUSES = enumChoices('accountStatus', ['active', 'disabled', 'inactive']);
