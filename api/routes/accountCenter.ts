// /api/account (continued): the account center of every account type — A2 changes with their N6
// consequences, the A3 flows of the account (mobile, e-mail), A5 account settings and A6 the
// enterprise information sync of administrators. GET /api/account and the password live in
// account.ts. See docs/api.md.
import { Request, Response, Router } from 'express';
import {
  accountCenterView,
  capabilities,
  ChangeOutcome,
  changeAccountIdentity,
  changeEnterpriseInfo,
  changeLegalRepresentative,
  changeOverseasInfo,
  enterpriseInfoTarget,
  fillOverseasRegNo,
  pushToGovPlatform,
  setMobileLogin,
} from '../../activities/accountCenter';
import { applyEnterpriseSync, enterpriseSyncPreview } from '../../activities/enterpriseSync';
import type { Services } from '../../activities/services';
import {
  OVERSEAS_INFO_FIELDS,
  validateEnterpriseInfoChange,
  validateIdentityChange,
  validateOverseasInfoChange,
  validateRegNoFill,
} from '../../domain/accountCenter';
import { hasErrors } from '../../domain/errors';
import { ACCOUNT_FLOWS, FlowType } from '../../workflows/flowTypes';
import { FlowRuntime, startFlow } from '../flows';
import { ApiError, clientIp, fieldError, strings } from '../http';
import { accountFlowOwner, requireAccount } from '../sessions';

/** Codes of a refused change that are not about one field, and their HTTP status. */
const FORM_STATUS: Record<string, number> = { forbidden: 403, 'enterpriseInfo.managedByAdmin': 403, notFound: 404, 'registry.notFound': 404, 'registry.cancelled': 409, conflict: 409 };

export function accountCenterRoutes(services: Services, rt: FlowRuntime): Router {
  const router = Router();
  router.use(requireAccount(services));

  const confirmed = (req: Request) => req.body?.confirm === true;

  /** 200 with the new view and what the change did; 409 with the consequences to confirm; 422. */
  async function answer(req: Request, res: Response, outcome: ChangeOutcome) {
    if (!outcome.ok) {
      if ('confirm' in outcome) throw new ApiError(409, 'account.confirmConsequences', undefined, { consequences: outcome.confirm });
      const form = outcome.errors._form;
      if (form) throw new ApiError(FORM_STATUS[form] ?? 409, form);
      throw fieldError(outcome.errors);
    }
    res.json({ account: await accountCenterView(services, req.account!.id), changed: outcome.changed, consequences: outcome.consequences });
  }

  // A2 修改管理员信息 / 个人用户信息修改: the account's own identity (operators: by their administrator).
  router.put('/identity', async (req, res) => {
    const account = req.account!;
    if (!(await capabilities(services, account)).identity) {
      throw new ApiError(403, account.kind === 'operator' ? 'account.identityByAdmin' : 'forbidden');
    }
    const f = strings(req.body, ['name', 'idType', 'idNumber', 'idValidFrom', 'idValidTo'] as const);
    const errors = validateIdentityChange(f, account.idType);
    if (hasErrors(errors)) throw fieldError(errors);
    await answer(req, res, await changeAccountIdentity(services, { actor: account, fields: f, confirm: confirmed(req), ip: clientIp(req) }));
  });

  // A2: the administrator changes the enterprise's legal representative.
  router.put('/legal-rep', async (req, res) => {
    const account = req.account!;
    if (!(await capabilities(services, account)).legalRep) throw new ApiError(403, 'forbidden');
    const f = strings(req.body, ['legalRepName', 'legalRepIdType', 'legalRepIdNumber', 'legalRepIdValidFrom', 'legalRepIdValidTo'] as const);
    const enterprise = await services.db.models.Enterprise.findByPk(account.enterpriseId!);
    if (!enterprise) throw new ApiError(404, 'notFound');
    const errors = validateIdentityChange(f, enterprise.legalRepIdType, 'legalRep');
    if (hasErrors(errors)) throw fieldError(errors);
    const fields = { name: f.legalRepName, idType: f.legalRepIdType, idNumber: f.legalRepIdNumber, idValidFrom: f.legalRepIdValidFrom, idValidTo: f.legalRepIdValidTo };
    await answer(req, res, await changeLegalRepresentative(services, { actor: account, fields, confirm: confirmed(req), ip: clientIp(req) }));
  });

  // A2 / N7 用户企业信息修改 (individuals, migrated users).
  router.put('/enterprise-info', async (req, res) => {
    const account = req.account!;
    const target = await enterpriseInfoTarget(services, account);
    if (!target.ok) throw new ApiError(403, target.code);
    const current = (await accountCenterView(services, account.id))?.enterpriseInfo ?? {};
    const f = strings(req.body, ['uscc', 'orgCode', 'name', 'legalRepName'] as const);
    const errors = validateEnterpriseInfoChange(f, current);
    if (hasErrors(errors)) throw fieldError(errors);
    await answer(req, res, await changeEnterpriseInfo(services, { actor: account, fields: f, confirm: confirmed(req), ip: clientIp(req) }));
  });

  // A2 信息变更 of an overseas user.
  router.put('/overseas', async (req, res) => {
    const account = req.account!;
    if (!(await capabilities(services, account)).overseasInfo) throw new ApiError(403, 'forbidden');
    const f = strings(req.body, OVERSEAS_INFO_FIELDS);
    const errors = validateOverseasInfoChange(f);
    if (hasErrors(errors)) throw fieldError(errors);
    await answer(req, res, await changeOverseasInfo(services, { actor: account, fields: f, confirm: confirmed(req), ip: clientIp(req) }));
  });

  // 补充所在国家(地区)注册编号: once.
  router.post('/overseas/reg-no', async (req, res) => {
    const account = req.account!;
    if (account.kind !== 'overseas') throw new ApiError(403, 'forbidden');
    const { regNo } = strings(req.body, ['regNo'] as const);
    const problem = validateRegNoFill(regNo);
    if (problem) throw fieldError({ regNo: problem });
    const refused = await fillOverseasRegNo(services, { actor: account, regNo, ip: clientIp(req) });
    if (refused) throw new ApiError(refused === 'forbidden' ? 403 : 409, refused);
    res.json({ account: await accountCenterView(services, account.id) });
  });

  // A3: the account's own flows (修改绑定手机, 修改邮箱), owned by this account in this browser.
  router.post('/flows', async (req, res) => {
    const type = req.body?.type as FlowType;
    if (!ACCOUNT_FLOWS.includes(type)) throw new ApiError(400, 'badRequest');
    const account = req.account!;
    const context = {
      accountId: account.id,
      current: type === 'changeMobile' ? account.mobile : account.email,
      hasIdDocument: account.idNumberHash !== '',
    };
    const view = await startFlow(rt, type, accountFlowOwner(services, req, res, account.id), context, account.username);
    res.status(201).json(view);
  });

  // A5 账户设置: 手机号登录开关.
  router.put('/settings/mobile-login', async (req, res) => {
    if (typeof req.body?.enabled !== 'boolean') throw new ApiError(400, 'badRequest');
    const refused = await setMobileLogin(services, { actor: req.account!, enabled: req.body.enabled, ip: clientIp(req) });
    if (refused) throw new ApiError(409, refused);
    res.json({ account: await accountCenterView(services, req.account!.id) });
  });

  // A5 账户设置: 信息同步 to the national government service platform.
  router.post('/settings/gov-sync', async (req, res) => {
    let receipt;
    try {
      receipt = await pushToGovPlatform(services, { actor: req.account!, ip: clientIp(req) });
    } catch (err) {
      console.warn('[api] government service platform push failed:', (err as Error).message);
      throw new ApiError(502, 'govSync.unavailable');
    }
    res.json(receipt);
  });

  // A6 同步更新 (administrators): what the market regulator and MOFCOM hold, and applying it.
  router.get('/enterprise-sync', async (req, res) => {
    if (!(await capabilities(services, req.account!)).enterpriseSync) throw new ApiError(403, 'forbidden');
    res.json(await enterpriseSyncPreview(services, req.account!));
  });

  router.post('/enterprise-sync', async (req, res) => {
    if (!(await capabilities(services, req.account!)).enterpriseSync) throw new ApiError(403, 'forbidden');
    await answer(req, res, await applyEnterpriseSync(services, { actor: req.account!, confirm: confirmed(req), ip: clientIp(req) }));
  });

  return router;
}
