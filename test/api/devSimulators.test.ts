// Issue 8 item 22: the simulators' data is listed for developers (GET /api/dev/simulators, page
// /dev/simulators), and a listed bank card passes the four-element check of U4 real-name through
// the real username-recovery flow.
import { expect } from 'chai';
import { harness, Harness } from '../support/harness';
import { ApiClient } from '../support/apiClient';
import { luhnDigit } from '../../activities/adapters/bankCard';

type Card = { name: string; idNumber: string; cardNo: string; mobile: string; bank: string; note: string };

describe('developer page: the simulators\' seeded data', () => {
  let h: Harness;
  let api: ApiClient;
  before(async () => {
    h = await harness();
  });
  beforeEach(() => {
    api = new ApiClient(h.baseUrl);
  });

  it('lists registry enterprises, identity people, bank cards, bank-UKey enterprises, e-license holders and MOFCOM filings', async () => {
    const res = await api.get('/api/dev/simulators');
    expect(res.status).to.equal(200);
    const b = res.body;
    expect(b.registry.map((e: { uscc: string }) => e.uscc)).to.include('911100001000123405');
    expect(b.identityPeople.some((p: { name: string; note?: string }) => p.name === '王小丽' && /demoop01/.test(p.note ?? ''))).to.equal(true);
    expect(b.bankUkey.banks).to.deep.equal(['ccb', 'abc', 'cmbc']);
    expect(b.bankUkey.enterprises.map((e: { uscc: string }) => e.uscc)).to.include('911100001000123405');
    expect(b.elicenseHolders.every((e: { uscc: string }) => e.uscc.startsWith('9'))).to.equal(true);
    expect(b.mofcomFilings.length).to.be.greaterThan(0);

    const cards = b.bankCards as Card[];
    expect(cards.length).to.be.greaterThan(3);
    for (const c of cards) {
      expect(c.cardNo, c.cardNo).to.match(/^\d{16,19}$/);
      expect(luhnDigit(c.cardNo.slice(0, -1)), `Luhn of ${c.cardNo}`).to.equal(c.cardNo.slice(-1));
      // every holder is a person of the identity seed, so the identity check of U4/U5 passes too
      expect(b.identityPeople.some((p: { name: string; idNumber: string }) => p.name === c.name && p.idNumber === c.idNumber), c.name).to.equal(true);
    }
    expect(cards.some((c) => c.name === '王小丽' && c.mobile === '13911110002')).to.equal(true);
  });

  it('a listed card passes U4 real-name through the real flow (and not with another reserved mobile)', async () => {
    const cards = (await api.get('/api/dev/simulators')).body.bankCards as Card[];
    const card = cards.find((c) => c.name === '王小丽' && c.mobile === '13911110002') as Card;
    const realName = async (mobile: string) => {
      const flowId = (await api.post('/api/flows', { type: 'usernameRecovery', variant: 'operator' })).body.flowId as string;
      expect((await api.step(flowId, 'sendSmsCode', { mobile, ...(await api.captcha()) })).status).to.equal(200);
      return api.step(flowId, 'realName', {
        enterpriseName: '北京华贸进出口有限公司', orgCode: '100012340', name: card.name, idType: 'resident', idNumber: card.idNumber,
        idValidFrom: '20200101', idValidTo: '20400101', mobile, smsCode: await api.lastSmsCode(mobile), cardNo: card.cardNo,
      });
    };
    const ok = await realName(card.mobile);
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
    expect(ok.body.data.usernames).to.include('demoop01');

    const otherMobile = await realName('13800000002'); // demoop01's account mobile, not this card's
    expect(otherMobile.status).to.equal(422);
    expect(otherMobile.body.error.fields.proof.code).to.equal('recovery.bankCardMismatch');
  });
});
