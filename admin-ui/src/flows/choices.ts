import { enumChoices } from '../common/fields';

export const FLOW_TYPES = enumChoices('flowType', ['registration', 'firstLogin']);
export const FLOW_STATUSES = enumChoices('flowStatus', ['active', 'completed', 'expired']);
export const FLOW_STEPS = enumChoices('flowStep', ['enterprise', 'account', 'smsCheck', 'newPassword', 'done']);
