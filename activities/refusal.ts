// Business refusals inside activities. An activity that finds a step cannot be done (the account is
// gone, the enterprise got an administrator meanwhile …) says so with refuse(): a non-retryable
// failure that the flow mechanism (workflows/flow.ts) turns into a field error (HTTP 422) or, when
// the flow cannot go on, ends the flow (HTTP 410 with the code). Retrying such a failure would only
// repeat the same answer for a minute and then end in a 500; genuine infrastructure errors (a
// database or gateway hiccup) are thrown as ordinary errors and retried.
import { ApplicationFailure } from '@temporalio/common';
import type { Transaction } from 'sequelize';
import type { AccountRow } from '../db';
import { REFUSED, Refusal } from '../workflows/flowTypes';
import type { Services } from './services';

/** Refuses the step: `field` names the form field the code belongs to; `endsFlow` ends the flow. */
export function refuse(code: string, opts: { field?: string; endsFlow?: boolean } = {}): never {
  const refusal: Refusal = { code, ...opts };
  throw ApplicationFailure.create({ type: REFUSED, message: code, details: [refusal], nonRetryable: true });
}

/**
 * The account a flow acts for, as it is now: a deleted or disabled account ends the flow
 * (account.gone, account.disabled). For flows whose user has already proven the account
 * (first login, account changes, a proven recovery): before a proof, look the account up without
 * telling whether it exists.
 */
export async function openAccount(services: Services, accountId: number, transaction?: Transaction): Promise<AccountRow> {
  const account = await services.db.models.Account.findByPk(accountId, { transaction });
  if (!account) refuse('account.gone', { endsFlow: true });
  if (account.status === 'disabled') refuse('account.disabled', { endsFlow: true });
  return account;
}

/** The activity form of openAccount, for steps that must not go on for a closed account. */
export async function requireOpenAccount(services: Services, input: { accountId: number }): Promise<void> {
  await openAccount(services, input.accountId);
}
