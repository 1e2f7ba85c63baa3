// /api/admin/registry: the enterprise-registry simulator's records. Staff (supervisors) extend
// it so that new test enterprises can register; every change is audited.
import { Router } from 'express';
import { Op } from 'sequelize';
import { recordAudit } from '../../../activities/audit';
import type { Services } from '../../../activities/services';
import { validateEnterpriseName, validatePersonName } from '../../../domain/accounts';
import type { FieldErrors } from '../../../domain/errors';
import { normalizeIdNumber, validateIdNumber, validateOrgCode, validateUscc } from '../../../domain/identifiers';
import { ApiError, clientIp, fieldError, strings, checkedParams } from '../../http';
import { requireStaffPermission } from '../../sessions';
import { listQuery, sendList } from './listQuery';

const FIELDS = ['uscc', 'orgCode', 'name', 'legalRepName', 'legalRepIdType', 'legalRepIdNumber', 'status'] as const;

function readRecord(body: unknown) {
  const f = strings(body, FIELDS);
  const r = {
    uscc: f.uscc.trim().toUpperCase(),
    orgCode: f.orgCode.trim().toUpperCase(),
    name: f.name.trim(),
    legalRepName: f.legalRepName.trim(),
    legalRepIdType: f.legalRepIdType.trim() || 'resident',
    legalRepIdNumber: normalizeIdNumber(f.legalRepIdNumber),
    status: f.status.trim() || '存续',
  };
  const errors: FieldErrors = {};
  const put = (k: string, v: string | null) => { if (v) errors[k] = v; };
  put('uscc', validateUscc(r.uscc));
  put('orgCode', validateOrgCode(r.orgCode, r.uscc));
  put('name', validateEnterpriseName(r.name));
  put('legalRepName', validatePersonName(r.legalRepName));
  put('legalRepIdNumber', validateIdNumber(r.legalRepIdType, r.legalRepIdNumber));
  return { record: r, errors };
}

export function registryRoutes(services: Services): Router {
  const router = checkedParams(Router());
  const { RegistryRecord } = services.db.models;
  const supervisor = requireStaffPermission(services, 'registry.edit');

  router.get('/', async (req, res) => {
    const q = listQuery(req, ['id', 'uscc', 'name', 'updatedAt']);
    const text = q.filter.q ? `%${String(q.filter.q).replace(/[%_\\]/g, '')}%` : null;
    const where = text ? { [Op.or]: [{ name: { [Op.like]: text } }, { uscc: { [Op.like]: text } }] } : {};
    const { rows, count } = await RegistryRecord.findAndCountAll({ where, order: [q.sort], offset: q.offset, limit: q.limit });
    sendList(res, 'registry', q, rows.map((r) => r.get({ plain: true })), count);
  });

  router.get('/:id', async (req, res) => {
    const row = await RegistryRecord.findByPk(Number(req.params.id));
    if (!row) throw new ApiError(404, 'notFound');
    res.json(row.get({ plain: true }));
  });

  router.post('/', supervisor, async (req, res) => {
    const { record, errors } = readRecord(req.body);
    if (Object.keys(errors).length) throw fieldError(errors);
    if (await RegistryRecord.findOne({ where: { uscc: record.uscc } })) throw fieldError({ uscc: 'conflict' });
    const row = await services.db.sequelize.transaction(async (transaction) => {
      const created = await RegistryRecord.create({ ...record, source: 'staff' }, { transaction });
      await recordAudit(services, {
        actorType: 'staff', actorId: req.staff!.id, actorName: req.staff!.username, action: 'registry.created',
        entityType: 'registry', entityId: created.id, details: { uscc: record.uscc, name: record.name }, ip: clientIp(req),
      }, transaction);
      return created;
    });
    res.status(201).json(row.get({ plain: true }));
  });

  router.put('/:id', supervisor, async (req, res) => {
    const row = await RegistryRecord.findByPk(Number(req.params.id));
    if (!row) throw new ApiError(404, 'notFound');
    const { record, errors } = readRecord(req.body);
    if (Object.keys(errors).length) throw fieldError(errors);
    const clash = await RegistryRecord.findOne({ where: { uscc: record.uscc } });
    if (clash && clash.id !== row.id) throw fieldError({ uscc: 'conflict' });
    await services.db.sequelize.transaction(async (transaction) => {
      await row.update({ ...record, source: 'staff' }, { transaction });
      await recordAudit(services, {
        actorType: 'staff', actorId: req.staff!.id, actorName: req.staff!.username, action: 'registry.updated',
        entityType: 'registry', entityId: row.id, details: { uscc: record.uscc, name: record.name }, ip: clientIp(req),
      }, transaction);
    });
    res.json(row.get({ plain: true }));
  });

  router.delete('/:id', supervisor, async (req, res) => {
    const row = await RegistryRecord.findByPk(Number(req.params.id));
    if (!row) throw new ApiError(404, 'notFound');
    const plain = row.get({ plain: true });
    await services.db.sequelize.transaction(async (transaction) => {
      await row.destroy({ transaction });
      await recordAudit(services, {
        actorType: 'staff', actorId: req.staff!.id, actorName: req.staff!.username, action: 'registry.deleted',
        entityType: 'registry', entityId: plain.id, details: { uscc: plain.uscc, name: plain.name }, ip: clientIp(req),
      }, transaction);
    });
    res.json(plain);
  });

  return router;
}
