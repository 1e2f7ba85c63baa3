import { enumChoices } from '../common/fields';

export const ACCOUNT_KINDS = enumChoices('accountKind', ['admin', 'operator', 'individual', 'overseas']);
export const ACCOUNT_STATUSES = enumChoices('accountStatus', ['active', 'disabled', 'inactive']);
