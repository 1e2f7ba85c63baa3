// /api/captcha: a new image captcha. The answer stays in the database (hashed).
import { Router } from 'express';
import { createCaptcha } from '../../activities/captcha';
import type { Services } from '../../activities/services';

export function captchaRoutes(services: Services): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await createCaptcha(services));
  });
  return router;
}
