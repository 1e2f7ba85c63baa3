// GET /api/dev/simulators: everything the simulators know, so a developer can try each flow by hand
// (portal page /dev/simulators). Simulators on only, loopback clients only (see api/app.ts): the
// data is made up, so ID and card numbers are shown whole, as a developer has to type them.
import { Router } from 'express';
import type { Services } from '../../activities/services';
import { seededBankCards } from '../../activities/adapters/bankCard';
import { BANKS } from '../../activities/adapters/bankUkey';
import type { MofcomFiling } from '../../activities/adapters/mofcom';

export function devSimulatorRoutes(services: Services): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const { RegistryRecord, MofcomRecord } = services.db.models;
    const registry = await RegistryRecord.findAll({ order: [['uscc', 'ASC']] });
    const filings = await MofcomRecord.findAll({ order: [['uscc', 'ASC']] });
    const holders = await services.elicense.holders();
    res.json({
      // 企业信用信息库: registration (R1-R8), username recovery by organization code
      registry: registry.map((r) => ({
        uscc: r.uscc, orgCode: r.orgCode, name: r.name, legalRepName: r.legalRepName, legalRepIdType: r.legalRepIdType,
        legalRepIdNumber: r.legalRepIdNumber, status: r.status,
      })),
      // 身份核验: legal representative, account owner, handler and real-name checks
      identityPeople: services.identityCheck.list(),
      // 银行卡四要素: U4/U5 real-name (the SMS code goes to the card's reserved mobile)
      bankCards: seededBankCards().map((c) => ({ name: c.name, idNumber: c.idNumber, cardNo: c.cardNo, mobile: c.mobile, bank: c.bank, note: c.note ?? '' })),
      // 银行UKey: every registry enterprise holds a corporate account at each simulated bank (U2)
      bankUkey: { banks: [...BANKS], enterprises: registry.map((r) => ({ uscc: r.uscc, name: r.name, status: r.status })) },
      // 电子营业执照: the companies whose license the phone simulator presents (R8, P1)
      elicenseHolders: holders.map((h) => ({ uscc: h.uscc, name: h.name, legalRepName: h.legalRepName })),
      // 商务部备案: Q1 商务部同步更新
      mofcomFilings: filings.map((f) => {
        const filing = JSON.parse(f.record) as MofcomFiling;
        return { uscc: f.uscc, nameZh: filing.nameZh, importExportCode: filing.importExportCode, filingNo: filing.filingNo, status: filing.status };
      }),
    });
  });

  return router;
}
