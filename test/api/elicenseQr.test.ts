// Issue 8 item 23: the electronic-business-license QR code is a real QR code of the provider's URL
// (in development the phone simulator's page), drawn by the qrcode library: the PNG's modules are
// read back and compared with the symbol the library makes for that URL.
import { expect } from 'chai';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { harness, Harness } from '../support/harness';
import { ApiClient } from '../support/apiClient';
import { QR_OPTIONS } from '../../api/routes/elicense';

/** Whether the PNG shows exactly the QR symbol of `text` (module by module, quiet zone included). */
async function showsQrOf(dataUrl: string, text: string): Promise<boolean> {
  const symbol = QRCode.create(text, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
  const n = symbol.modules.size;
  const { margin, scale } = QR_OPTIONS;
  const png = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  if (info.width !== (n + 2 * margin) * scale || info.height !== info.width) return false;
  const darkAt = (x: number, y: number) => data[(y * info.width + x) * info.channels] < 128;
  for (let y = -margin; y < n + margin; y++) {
    for (let x = -margin; x < n + margin; x++) {
      const inside = x >= 0 && y >= 0 && x < n && y < n;
      const dark = inside && symbol.modules.get(y, x) === 1;
      const c = (v: number) => (v + margin) * scale + Math.floor(scale / 2);
      if (darkAt(c(x), c(y)) !== dark) return false;
    }
  }
  return true;
}

describe('electronic business license QR code (R8, P2)', () => {
  let h: Harness;
  let api: ApiClient;
  before(async () => {
    h = await harness();
  });
  beforeEach(() => {
    api = new ApiClient(h.baseUrl);
  });

  it('is a QR code of the phone simulator\'s URL for the flow (development)', async () => {
    const flowId = (await api.post('/api/flows', { type: 'registration', variant: 'elicense' })).body.flowId as string;
    const res = await api.get(`/api/elicense/qr/${flowId}`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.url).to.equal(`${h.baseUrl}/dev/elicense/${flowId}`);
    expect(res.body.image).to.match(/^data:image\/png;base64,/);
    expect(await showsQrOf(res.body.image, res.body.url)).to.equal(true);
    expect(await showsQrOf(res.body.image, `${h.baseUrl}/dev/elicense/registration-${'x'.repeat(22)}`)).to.equal(false);
  });

  it('encodes the provider\'s scan URL when ELICENSE_QR_URL names one', async () => {
    const flowId = (await api.post('/api/flows', { type: 'registration', variant: 'elicense' })).body.flowId as string;
    process.env.ELICENSE_QR_URL = 'https://elicense.example.cn/scan?flow={flowId}';
    try {
      const res = await api.get(`/api/elicense/qr/${flowId}`);
      expect(res.body.url).to.equal(`https://elicense.example.cn/scan?flow=${flowId}`);
      expect(await showsQrOf(res.body.image, res.body.url)).to.equal(true);
    } finally {
      delete process.env.ELICENSE_QR_URL;
    }
  });

  it('is only drawn for a flow that exists', async () => {
    expect((await api.get(`/api/elicense/qr/registration-${'A'.repeat(22)}`)).status).to.equal(404);
    expect((await api.get('/api/elicense/qr/undefined')).status).to.equal(404);
  });
});
