// Image captchas: case-insensitive, single use (a wrong answer uses it up too), five minutes.
// Kept in the database so any API process can check a captcha another one issued.
import crypto from 'node:crypto';
import { Op } from 'sequelize';
import svgCaptcha from 'svg-captcha';
import { decryptText, encryptText, keyedHash } from '../db/pii';
import type { Services } from './services';

const TTL_MS = 5 * 60_000;

export async function createCaptcha(services: Services): Promise<{ captchaId: string; image: string }> {
  const captcha = svgCaptcha.create({ size: 4, noise: 3, color: true, ignoreChars: '0oO1lIi', background: '#eef3fb' });
  const captchaId = crypto.randomBytes(16).toString('base64url');
  const answer = captcha.text.toLowerCase();
  await services.db.models.Captcha.create({
    id: captchaId,
    answerHash: keyedHash(services.keys, 'captcha', answer),
    answerSealed: services.simulators ? encryptText(services.keys, answer) : '',
    expiresAt: new Date(Date.now() + TTL_MS),
  });
  return { captchaId, image: `data:image/svg+xml;base64,${Buffer.from(captcha.data).toString('base64')}` };
}

/** null when right; otherwise an error code. Either way the captcha cannot be used again. */
export async function verifyCaptcha(services: Services, captchaId: string, answer: string): Promise<string | null> {
  const { Captcha } = services.db.models;
  const row = await Captcha.findByPk(captchaId);
  if (!row || row.usedAt || row.expiresAt.getTime() < Date.now()) return 'captcha.expired';
  // Take it atomically: of two concurrent checks only one can use the captcha.
  const [taken] = await Captcha.update({ usedAt: new Date() }, { where: { id: captchaId, usedAt: { [Op.is]: null } } });
  if (taken !== 1) return 'captcha.expired';
  const given = keyedHash(services.keys, 'captcha', String(answer ?? '').trim().toLowerCase());
  return crypto.timingSafeEqual(Buffer.from(row.answerHash), Buffer.from(given)) ? null : 'captcha.wrong';
}

/** Developer endpoint only (simulators on): the answer of a captcha that is still usable. */
export async function peekCaptcha(services: Services, captchaId: string): Promise<string | null> {
  const row = await services.db.models.Captcha.findByPk(captchaId);
  if (!row || row.usedAt || row.expiresAt.getTime() < Date.now()) return null;
  return row.answerSealed ? decryptText(services.keys, row.answerSealed) : null;
}

export async function purgeCaptchas(services: Services): Promise<number> {
  return services.db.models.Captcha.destroy({ where: { expiresAt: { [Op.lt]: new Date(Date.now() - TTL_MS) } } });
}
