// /api/dev: developer helpers, mounted only while simulators are on (SIMULATORS=on).
// The inbox shows what the SMS simulator "sent"; the captcha endpoint lets scripted tests pass.
import { Router } from 'express';
import { peekCaptcha } from '../../activities/captcha';
import type { Services } from '../../activities/services';
import { ApiError } from '../http';

export function devRoutes(services: Services): Router {
  const router = Router();

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

  return router;
}
