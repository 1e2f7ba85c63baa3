import { enumChoices } from '../common/fields';

export const FLOW_TYPES = enumChoices('flowType', ['registration', 'firstLogin', 'individualRegistration', 'overseasRegistration']);
export const FLOW_STATUSES = enumChoices('flowStatus', ['active', 'completed', 'expired']);
export const FLOW_STEPS = enumChoices('flowStep', ['enterprise', 'elicense', 'account', 'smsCheck', 'newPassword', 'done']);
