import { enumChoices } from '../common/fields';

export const FLOW_TYPES = enumChoices('flowType', ['registration', 'firstLogin', 'individualRegistration', 'overseasRegistration', 'passwordRecovery', 'usernameRecovery']);
export const FLOW_STATUSES = enumChoices('flowStatus', ['active', 'completed', 'expired', 'ended']);
export const FLOW_STEPS = enumChoices('flowStep', ['enterprise', 'elicense', 'account', 'smsCheck', 'newPassword', 'username', 'verify', 'reset', 'mobile', 'identity', 'more', 'review', 'waiting', 'done']);
