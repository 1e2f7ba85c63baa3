// A browser-like HTTP client for API tests: keeps cookies, solves captchas through the
// developer endpoint and reads SMS codes from the simulator's outbox.
export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string, private readonly lang = 'zh-CN') {}

  async call<T = any>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        'content-type': 'application/json',
        'accept-language': this.lang,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (!value || attrs.some((a) => /expires=Thu, 01 Jan 1970/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string) => this.call<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.call<T>('POST', path, body ?? {});

  /** A fresh captcha with its answer (developer endpoint, simulators on). */
  async captcha(): Promise<{ captchaId: string; captcha: string }> {
    const { body } = await this.get('/api/captcha');
    const answer = await this.get(`/api/dev/captcha/${body.captchaId}`);
    return { captchaId: body.captchaId, captcha: answer.body.answer };
  }

  /** The newest SMS code sent to a mobile, from the simulator's outbox. */
  async lastSmsCode(mobile: string): Promise<string> {
    const { body } = await this.get('/api/dev/outbox?limit=200');
    const message = body.items.find((m: { to: string }) => m.to === mobile);
    if (!message) throw new Error(`no SMS to ${mobile}`);
    return message.body.match(/(\d{6})/)[1];
  }

  step(flowId: string, step: string, fields: object) {
    return this.post(`/api/flows/${flowId}/steps/${step}`, { fields });
  }

  async login(username: string, password: string) {
    return this.post('/api/session/login', { username, password, ...(await this.captcha()) });
  }
}
