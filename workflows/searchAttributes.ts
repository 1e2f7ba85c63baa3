// Custom search attributes of every flow: registered on the dev server by `npm start` and the
// test setup, listed by the console's flow monitor.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const FlowTypeKey = defineSearchAttributeKey('FlowType', SearchAttributeType.KEYWORD);
export const FlowStatusKey = defineSearchAttributeKey('FlowStatus', SearchAttributeType.KEYWORD);
export const FlowStepKey = defineSearchAttributeKey('FlowStep', SearchAttributeType.KEYWORD);
export const EnterpriseUsccKey = defineSearchAttributeKey('EnterpriseUscc', SearchAttributeType.KEYWORD);
export const ApplicantKey = defineSearchAttributeKey('Applicant', SearchAttributeType.KEYWORD);

/** `name=Type` pairs for `temporal server start-dev --search-attribute` and operator calls. */
export const SEARCH_ATTRIBUTES: Record<string, 'Keyword'> = {
  FlowType: 'Keyword',
  FlowStatus: 'Keyword',
  FlowStep: 'Keyword',
  EnterpriseUscc: 'Keyword',
  Applicant: 'Keyword',
};
