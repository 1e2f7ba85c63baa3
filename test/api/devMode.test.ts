// Issue 8 item 5: the developer surface (/api/dev — which issues cards from the back office's CA —
// the simulated bank's authorize call, the /dev pages) exists only with simulators on, which is
// development only, and answers loopback clients only: the socket's peer address, never a header.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { harness, Harness } from '../support/harness';
import { createApp } from '../../api/app';
import { openDb, migrate } from '../../db';
import { seedDemoData } from '../../scripts/demoData';
import type { Services } from '../../activities/services';
import { residentId } from '../support/fixtures';

/** An address of this machine that is not loopback: a client connecting to it comes from it. */
function otherLocalAddress(): string | undefined {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (!a.internal && a.family === 'IPv4') return a.address;
  }
  return undefined;
}

async function listen(services: Services, h: Harness, host: string): Promise<{ base: string; server: http.Server }> {
  const app = createApp(services, h.rt, {
    sessionHours: 8, temporalUiUrl: '', namespace: h.config.temporalNamespace, cardAgentUrl: 'http://127.0.0.1:4455',
    staticRoot: path.resolve(__dirname, '..', '..'),
  });
  const server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, host, () => resolve(s));
  });
  return { base: `http://${host}:${(server.address() as { port: number }).port}`, server };
}

const close = (s: http.Server) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); });

/** The stranger's request of the issue: a legal-person card for the demo enterprise. */
function mintRequest() {
  const { publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString(), cardType: 'legal', medium: 'ic',
      holderName: '冒名者', holderIdType: 'resident', holderIdNumber: residentId(), uscc: '911100001000123405', enterpriseName: '北京华贸进出口有限公司',
    }),
  };
}

describe('developer routes: development only, loopback clients only', function () {
  let h: Harness;
  const servers: http.Server[] = [];
  before(async () => {
    h = await harness();
  });
  after(async () => {
    for (const s of servers) await close(s);
  });

  it('answer a loopback client, and nobody else (peer address of another interface)', async function () {
    const address = otherLocalAddress();
    if (!address) this.skip();
    const local = await listen(h.services, h, '127.0.0.1');
    const remote = await listen(h.services, h, address as string);
    servers.push(local.server, remote.server);

    // Loopback: the routes work (so the refusals below are the guard, not a broken route).
    expect((await fetch(`${local.base}/api/dev/outbox`)).status).to.equal(200);
    const mintedHere = await fetch(`${local.base}/api/dev/cards`, mintRequest());
    expect(mintedHere.status, await mintedHere.clone().text()).to.equal(201);
    expect((await fetch(`${local.base}/dev/inbox`)).status).to.equal(200); // the portal's page
    expect(((await (await fetch(`${local.base}/api/config`)).json()) as { simulators: boolean }).simulators).to.equal(true);

    // Another address of this machine: the client's socket address is not loopback.
    const minted = await fetch(`${remote.base}/api/dev/cards`, mintRequest());
    expect(minted.status).to.equal(404);
    expect(((await minted.json()) as { error: { code: string } }).error.code).to.equal('notFound');
    expect((await fetch(`${remote.base}/api/dev/outbox`)).status).to.equal(404);
    expect((await fetch(`${remote.base}/api/dev/captcha/x`)).status).to.equal(404);
    expect((await fetch(`${remote.base}/api/dev/elicense/holders`)).status).to.equal(404);
    expect((await fetch(`${remote.base}/api/dev/simulators`)).status).to.equal(404);
    const bank = await fetch(`${remote.base}/api/bank-ukey/dev/authorize`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ flowId: `usernameRecovery-${'a'.repeat(22)}`, bank: 'ccb', uscc: '911100001000123405' }),
    });
    expect(bank.status).to.equal(404);
    expect((await fetch(`${remote.base}/dev/inbox`)).status).to.equal(404);
    expect(((await (await fetch(`${remote.base}/api/config`)).json()) as { simulators: boolean }).simulators).to.equal(false);
    // A forged header changes nothing: the socket address decides.
    expect((await fetch(`${remote.base}/api/dev/outbox`, { headers: { 'x-forwarded-for': '127.0.0.1' } })).status).to.equal(404);
  });

  it('refuse a request relayed by a proxy on this machine (forwarding headers)', async () => {
    const local = await listen(h.services, h, '127.0.0.1');
    servers.push(local.server);
    expect((await fetch(`${local.base}/api/dev/outbox`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).to.equal(404);
    expect((await fetch(`${local.base}/api/dev/cards`, { ...mintRequest(), headers: { 'content-type': 'application/json', forwarded: 'for=203.0.113.9' } })).status).to.equal(404);
  });

  it('do not exist with simulators off, even for a loopback client', async () => {
    const local = await listen({ ...h.services, simulators: false }, h, '127.0.0.1');
    servers.push(local.server);
    expect((await fetch(`${local.base}/api/dev/cards`, mintRequest())).status).to.equal(404);
    expect((await fetch(`${local.base}/api/dev/outbox`)).status).to.equal(404);
    expect((await fetch(`${local.base}/api/dev/simulators`)).status).to.equal(404);
    const bank = await fetch(`${local.base}/api/bank-ukey/dev/authorize`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ flowId: `usernameRecovery-${'a'.repeat(22)}`, bank: 'ccb', uscc: '911100001000123405' }),
    });
    expect(bank.status).to.equal(404);
    expect((await fetch(`${local.base}/dev/inbox`)).status).to.equal(404);
    expect(((await (await fetch(`${local.base}/api/config`)).json()) as { simulators: boolean }).simulators).to.equal(false);
  });

  it('with simulators off no demo data is seeded (no staff, no demo enterprise, no registry seed)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-nodemo-'));
    const db = openDb(`sqlite:${path.join(dir, 'app.sqlite')}`);
    try {
      await migrate(db.sequelize);
      await seedDemoData({ ...h.services, db, simulators: false });
      expect(await db.models.Staff.count()).to.equal(0);
      expect(await db.models.Account.count()).to.equal(0);
      expect(await db.models.Enterprise.count()).to.equal(0);
      expect(await db.models.RegistryRecord.count()).to.equal(0);
    } finally {
      await db.sequelize.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
