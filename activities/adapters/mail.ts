// Mail adapter. The simulator "delivers" into the outbox table (channel mail), which the
// developer inbox and the console show. Sends are idempotent by their sendKey.
import type { Db } from '../../db';

export interface MailMessage {
  sendKey: string;
  to: string;
  template: string;
  subject: string;
  body: string;
}

export interface MailAdapter {
  send(message: MailMessage): Promise<void>;
}

export class SimulatedMail implements MailAdapter {
  constructor(private readonly db: Db) {}

  async send(m: MailMessage): Promise<void> {
    await this.db.models.Outbox.findOrCreate({
      where: { sendKey: m.sendKey },
      defaults: { sendKey: m.sendKey, to: m.to, template: m.template, body: `${m.subject}\n${m.body}`, channel: 'mail' },
    });
  }
}

/** A real relay: JSON POST to MAIL_GATEWAY_URL. The outbox keeps the template, never the code. */
export class HttpMail implements MailAdapter {
  constructor(private readonly db: Db, private readonly url: string) {}

  async send(m: MailMessage): Promise<void> {
    const [row] = await this.db.models.Outbox.findOrCreate({
      where: { sendKey: m.sendKey },
      defaults: { sendKey: m.sendKey, to: m.to, template: m.template, body: `[${m.template}]`, channel: 'mail' },
    });
    if (row.body.startsWith('[sent]')) return;
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': m.sendKey },
      body: JSON.stringify({ to: m.to, subject: m.subject, text: m.body }),
    });
    if (!res.ok) throw new Error(`mail gateway answered ${res.status}`);
    await row.update({ body: `[sent] ${m.template}` });
  }
}
