// /api/qualifications (Q1 我的资质, administrators only): the tabs, 保存 per tab, 同步更新.
import { Router } from 'express';
import { qualificationsOf, saveQualification, syncQualifications } from '../../activities/qualifications';
import type { Services } from '../../activities/services';
import { isQualificationSection } from '../../domain/qualifications';
import { ApiError, clientIp, fieldError } from '../http';
import { requireAccount, requireAdmin } from '../sessions';

export function qualificationRoutes(services: Services): Router {
  const router = Router();
  router.use(requireAccount(services), requireAdmin);

  router.get('/', async (req, res) => {
    res.json(await qualificationsOf(services, req.account!.enterpriseId!));
  });

  // body { fields: { key: value, … } }: only the fields sent change.
  router.put('/:section', async (req, res) => {
    const section = req.params.section;
    if (!isQualificationSection(section)) throw new ApiError(404, 'notFound');
    const fields = req.body?.fields;
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) throw new ApiError(400, 'badRequest');
    const result = await saveQualification(services, req.account!, section, fields as Record<string, unknown>, clientIp(req));
    if ('errors' in result) throw fieldError(result.errors);
    res.json({ ...(await qualificationsOf(services, req.account!.enterpriseId!)), changed: result.changed });
  });

  // body { source: 'market' | 'mofcom' } (市场局同步更新 / 商务部同步更新)
  router.post('/sync', async (req, res) => {
    const source = req.body?.source;
    if (source !== 'market' && source !== 'mofcom') throw fieldError({ source: 'option.invalid' });
    const result = await syncQualifications(services, req.account!, source, clientIp(req));
    if ('problem' in result) throw new ApiError(result.problem === 'registry.cancelled' ? 409 : 404, result.problem);
    res.json({ ...(await qualificationsOf(services, req.account!.enterpriseId!)), source, changed: result.changed, ...(result.consequences ? { consequences: result.consequences } : {}) });
  });

  return router;
}
