// SMS gateway adapter. The simulator "delivers" by keeping the message in the outbox table,
// which the developer inbox and the console show. Sends are idempotent by their sendKey.
import type { Db } from '../../db';

export interface SmsMessage {
  sendKey: string; // the same key never sends twice
  to: string;
  template: string;
  body: string;
}

export interface SmsAdapter {
  send(message: SmsMessage): Promise<void>;
}

export class SimulatedSms implements SmsAdapter {
  constructor(private readonly db: Db) {}

  async send(message: SmsMessage): Promise<void> {
    await this.db.models.Outbox.findOrCreate({
      where: { sendKey: message.sendKey },
      defaults: { ...message, channel: 'sms' },
    });
  }
}

/** A real gateway: JSON POST to SMS_GATEWAY_URL. The outbox keeps the template, never the code. */
export class HttpSms implements SmsAdapter {
  constructor(private readonly db: Db, private readonly url: string) {}

  async send(message: SmsMessage): Promise<void> {
    const [row, created] = await this.db.models.Outbox.findOrCreate({
      where: { sendKey: message.sendKey },
      defaults: { ...message, body: `[${message.template}]`, channel: 'sms' },
    });
    if (!created && row.body.startsWith('[sent]')) return;
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': message.sendKey },
      body: JSON.stringify({ to: message.to, template: message.template, text: message.body }),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    await row.update({ body: `[sent] ${message.template}` });
  }
}
