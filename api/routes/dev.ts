// /api/dev: developer helpers, mounted only while simulators are on (development, see
// scripts/config.ts) and answering loopback clients only (api/devOnly.ts, applied in api/app.ts).
// The inbox shows what the SMS simulator "sent"; the captcha endpoint lets scripted tests pass.
import { Router } from 'express';
import { peekCaptcha } from '../../activities/captcha';
import type { Services } from '../../activities/services';
import { ApiError, fieldError, strings } from '../http';
import { issueCard } from '../../activities/cards/registry';
import { validateEnterpriseName, validatePersonName } from '../../domain/accounts';
import { validateIdNumber, validateUscc } from '../../domain/identifiers';
import { devElicenseRoutes } from './devElicense';
import { devSimulatorRoutes } from './devSimulators';

export function devRoutes(services: Services): Router {
  const router = Router();

  // R8: the electronic-business-license app (scan a registration's QR code, authorize).
  router.use('/elicense', devElicenseRoutes(services));
  // Every simulator's seeded data (the portal's /dev/simulators page).
  router.use('/simulators', devSimulatorRoutes(services));

  router.get('/outbox', async (req, res) => {
    const limit = Math.min(Number(req.query.limit) || 50, 200);
    const rows = await services.db.models.Outbox.findAll({ order: [['id', 'DESC']], limit });
    res.json({ items: rows.map((r) => ({ id: r.id, channel: r.channel, to: r.to, body: r.body, createdAt: r.createdAt })) });
  });

  router.get('/captcha/:captchaId', async (req, res) => {
    const answer = await peekCaptcha(services, req.params.captchaId);
    if (!answer) throw new ApiError(404, 'notFound');
    res.json({ answer });
  });

  // Card issuance for virtual cards (the card agent's CLI and npm start's demo cards). In
  // production cards are issued through the card agency (a later issue), with the same CA.
  router.post('/cards', async (req, res) => {
    const f = strings(req.body, ['publicKey', 'cardType', 'medium', 'holderName', 'holderIdType', 'holderIdNumber', 'uscc', 'enterpriseName'] as const);
    const errors: Record<string, string> = {};
    if (!['legal', 'operator'].includes(f.cardType)) errors.cardType = 'required';
    if (!['ic', 'ikey', ''].includes(f.medium)) errors.medium = 'required';
    const uscc = validateUscc(f.uscc);
    if (uscc) errors.uscc = uscc;
    const id = validateIdNumber(f.holderIdType, f.holderIdNumber);
    if (id) errors.holderIdNumber = id;
    const holderName = validatePersonName(f.holderName);
    if (holderName) errors.holderName = holderName;
    const enterpriseName = validateEnterpriseName(f.enterpriseName);
    if (enterpriseName) errors.enterpriseName = enterpriseName;
    if (!f.publicKey.includes('BEGIN PUBLIC KEY')) errors.publicKey = 'required';
    if (Object.keys(errors).length) throw fieldError(errors);
    const issued = await issueCard(services, {
      publicKeyPem: f.publicKey, cardType: f.cardType as 'legal' | 'operator', medium: (f.medium || 'ic') as 'ic' | 'ikey',
      holderName: f.holderName.trim(), holderIdType: f.holderIdType, holderIdNumber: f.holderIdNumber, uscc: f.uscc.toUpperCase(), enterpriseName: f.enterpriseName.trim(),
    }, { type: 'system', id: 'dev-endpoint' });
    res.status(201).json({ cardNo: issued.cardNo, certificate: issued.certificate });
  });

  return router;
}
