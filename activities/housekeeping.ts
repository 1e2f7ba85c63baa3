// What the housekeeping workflow removes: single-use and short-lived records past their use.
import { Op } from 'sequelize';
import { purgeCaptchas } from './captcha';
import { purgeChallenges } from './cards/proof';
import { purgeLaunchTickets } from './appPermissions';
import type { Services } from './services';

const DAY = 86400_000;

export async function purgeExpired(services: Services) {
  const { OneTimeCode, Session } = services.db.models;
  const now = Date.now();
  return {
    captchas: await purgeCaptchas(services),
    challenges: await purgeChallenges(services),
    codes: await OneTimeCode.destroy({ where: { expiresAt: { [Op.lt]: new Date(now - DAY) } } }),
    sessions: await Session.destroy({ where: { expiresAt: { [Op.lt]: new Date(now) } } }),
    launchTickets: await purgeLaunchTickets(services),
  };
}
