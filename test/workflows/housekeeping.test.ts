// The housekeeping workflow removes what is past its use and keeps what is still valid.
import { expect } from 'chai';
import { harness, Harness } from '../support/harness';
import { housekeeping } from '../../workflows/housekeeping';

describe('housekeeping workflow', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });

  it('purges expired captchas and card challenges on its first round and keeps live ones', async () => {
    const { Captcha, CardChallenge } = h.db.models;
    const old = new Date(Date.now() - 24 * 3600_000);
    await Captcha.create({ id: 'old-captcha-for-housekeeping', answerHash: 'x', answerSealed: '', expiresAt: old });
    await Captcha.create({ id: 'live-captcha-for-housekeeping', answerHash: 'x', answerSealed: '', expiresAt: new Date(Date.now() + 60_000) });
    await CardChallenge.create({ id: 'old-challenge-housekeeping', challenge: 'x', purpose: 'login', owner: 'o', expiresAt: old });
    const handle = await h.client.workflow.start(housekeeping, { workflowId: `housekeeping-test-${Date.now()}`, taskQueue: h.config.taskQueue, args: [60_000] });
    try {
      for (let i = 0; i < 50 && (await Captcha.findByPk('old-captcha-for-housekeeping')); i++) await new Promise((r) => setTimeout(r, 100));
      expect(await Captcha.findByPk('old-captcha-for-housekeeping')).to.equal(null);
      expect(await CardChallenge.findByPk('old-challenge-housekeeping')).to.equal(null);
      expect(await Captcha.findByPk('live-captcha-for-housekeeping')).to.not.equal(null);
    } finally {
      await handle.terminate('test done');
    }
  });
});
