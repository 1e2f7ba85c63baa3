// One-time codes sent by SMS (or mail): six digits, 15 minutes, 5 wrong tries, the newest code
// of a subject and purpose replaces older ones. Only a keyed hash of the code is stored.
import crypto from 'node:crypto';
import { Op } from 'sequelize';
import { keyedHash } from '../db/pii';
import type { Services } from './services';

export const CODE_TTL_MS = 15 * 60_000;
export const MAX_ATTEMPTS = 5;
const RETRY_GRACE_MS = 60_000; // a retried check of a code it already accepted still passes

export interface IssueCodeInput {
  sendKey: string; // idempotency key: a retried send returns the first send's result
  purpose: string;
  subject: string;
  target: string;
  channel: 'sms' | 'mail';
  /**
   * false: the code is made and kept but not sent. A flow that must answer the same whether or not
   * an account exists (L4 mobile-number login) keeps a code nobody received, so checking it fails
   * exactly as a wrong code does.
   */
  deliver?: boolean;
}

const TEMPLATES: Record<string, string> = {
  registration: '【中国国际贸易单一窗口】您正在注册管理员账号，验证码为 {code}，15分钟内有效。请勿泄露给他人。',
  cardRegistration: '【中国国际贸易单一窗口】您正在进行有卡用户注册，验证码为 {code}，15分钟内有效。请勿泄露给他人。',
  mobileLogin: '【中国国际贸易单一窗口】您正在使用手机号登录，验证码为 {code}，15分钟内有效。请勿泄露给他人。',
  changeMobile: '【中国国际贸易单一窗口】您正在修改绑定手机，验证码为 {code}，15分钟内有效。请勿泄露给他人。',
  changeEmail: '【中国国际贸易单一窗口】您正在修改账号邮箱，邮箱验证码为 {code}，15分钟内有效。请勿泄露给他人。\nYou are changing the e-mail address of your Single Window account. Your code is {code}, valid for 15 minutes.',
  firstLogin: '【中国国际贸易单一窗口】您正在进行操作员首次登录验证，验证码为 {code}，15分钟内有效。请勿泄露给他人。',
  individualRegistration: '【中国国际贸易单一窗口】您正在注册个人用户账号，验证码为 {code}，15分钟内有效。请勿泄露给他人。',
  individualRegistrationMail: '【中国国际贸易单一窗口】您正在注册个人用户账号，邮箱验证码为 {code}，15分钟内有效。请勿泄露给他人。\nYou are registering an individual account of the China International Trade Single Window. Your e-mail verification code is {code}, valid for 15 minutes.',
  overseasRegistration: '【中国国际贸易单一窗口】您正在注册境外用户账号，邮箱验证码为 {code}，15分钟内有效。请勿泄露给他人。\nYou are signing up for an overseas account of the China International Trade Single Window. Your e-mail verification code is {code}, valid for 15 minutes. Do not share it.',
};

export async function issueCode(services: Services, input: IssueCodeInput): Promise<{ expiresAt: string }> {
  const { OneTimeCode } = services.db.models;
  const existing = await OneTimeCode.findOne({ where: { sendKey: input.sendKey } });
  if (existing) {
    // Retried after the row was written: make sure the message went out, with the same code is impossible
    // (only its hash is kept), so the outbox send is keyed the same and was done before the row.
    return { expiresAt: existing.expiresAt.toISOString() };
  }
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(Date.now() + CODE_TTL_MS);
  const template = TEMPLATES[input.purpose] ?? '【中国国际贸易单一窗口】您的验证码为 {code}，15分钟内有效。';
  // Send first, then record: a crash in between leaves an unusable message, never a code nobody received.
  const body = template.replaceAll('{code}', code);
  if (input.deliver === false) {
    // nothing goes out (see IssueCodeInput.deliver)
  } else if (input.channel === 'mail') {
    await services.mail.send({ sendKey: input.sendKey, to: input.target, template: input.purpose, subject: '中国国际贸易单一窗口 邮箱验证码 / Single Window e-mail verification code', body });
  } else {
    await services.sms.send({ sendKey: input.sendKey, to: input.target, template: input.purpose, body });
  }
  const [row, created] = await OneTimeCode.findOrCreate({
    where: { sendKey: input.sendKey },
    defaults: { sendKey: input.sendKey, purpose: input.purpose, subject: input.subject, target: input.target, codeHash: codeHash(services, input, code), expiresAt },
  });
  if (!created) return { expiresAt: row.expiresAt.toISOString() };
  return { expiresAt: expiresAt.toISOString() };
}

export interface CheckCodeInput {
  subject: string;
  purpose: string;
  target: string;
  code: string;
  channel?: 'sms' | 'mail'; // names the error codes: sms.* or emailCode.*
}

/** null when the code is right (and it is used up); otherwise an error code for the field. */
export async function checkCode(services: Services, input: CheckCodeInput): Promise<string | null> {
  const result = await checkCodeOnce(services, input);
  return result && input.channel === 'mail' ? result.replace(/^sms\./, 'emailCode.') : result;
}

async function checkCodeOnce(services: Services, input: CheckCodeInput): Promise<string | null> {
  const { OneTimeCode } = services.db.models;
  const row = await OneTimeCode.findOne({
    where: { subject: input.subject, purpose: input.purpose },
    order: [['id', 'DESC']],
  });
  if (!row) return 'sms.notSent';
  const given = codeHash(services, row, String(input.code ?? '').trim());
  const matches = crypto.timingSafeEqual(Buffer.from(given), Buffer.from(row.codeHash));
  if (row.consumedAt) {
    return matches && row.target === input.target && Date.now() - row.consumedAt.getTime() < RETRY_GRACE_MS ? null : 'sms.expired';
  }
  if (row.expiresAt.getTime() < Date.now()) return 'sms.expired';
  if (row.attempts >= MAX_ATTEMPTS) return 'sms.tooManyAttempts';
  if (row.target !== input.target) return 'sms.mobileChanged';
  if (!matches) {
    await OneTimeCode.increment('attempts', { where: { id: row.id } });
    return row.attempts + 1 >= MAX_ATTEMPTS ? 'sms.tooManyAttempts' : 'sms.wrong';
  }
  const [taken] = await OneTimeCode.update({ consumedAt: new Date() }, { where: { id: row.id, consumedAt: { [Op.is]: null } } });
  return taken === 1 ? null : 'sms.expired';
}

function codeHash(services: Services, ref: { sendKey: string }, code: string): string {
  // Salted by the send key: equal codes of two sends never share a hash.
  return keyedHash(services.keys, `code:${ref.sendKey}`, code);
}
