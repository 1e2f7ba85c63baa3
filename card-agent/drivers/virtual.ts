// Virtual cards for development: each card is a file, each reader a slot in readers.json. The CLI
// inserts and removes cards by editing readers.json; this driver watches the folder and turns the
// changes into events. PIN checks behave like a card's: a persisted retry counter and a lock.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { CardDriver, CardError, CardEvent, CardInfo, Reader } from './driver';
import { checkPin, decryptPrivateKey } from './virtualCrypto';
import { CardFile, cardInfo, cardsDir, ensureLayout, readCardFile, readReaders, writeCardFile } from './virtualStore';

export type VirtualDriverOptions = {
  dir: string;
  pinMaxTries: number;
  log?: (message: string) => void;
  pollMs?: number;
};

export class VirtualCardDriver implements CardDriver {
  readonly kind = 'virtual' as const;
  private readonly dir: string;
  private readonly pinMaxTries: number;
  private readonly log: (message: string) => void;
  private readonly listeners = new Set<(event: CardEvent) => void>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly watchers: fs.FSWatcher[] = [];
  private readonly warned = new Set<string>();
  private snapshot = new Map<string, string | null>(); // readerId → cardNo, to tell what changed
  private refreshing: Promise<void> = Promise.resolve();
  private debounce?: NodeJS.Timeout;
  private poll?: NodeJS.Timeout;
  private closed = false;

  constructor(opts: VirtualDriverOptions) {
    this.dir = opts.dir;
    this.pinMaxTries = opts.pinMaxTries;
    this.log = opts.log ?? ((m) => console.warn(m));
    ensureLayout(this.dir);
    this.snapshot = this.scan() ?? new Map();
    // fs.watch is quick but misses changes on some file systems (network shares, bind mounts) or is
    // missing altogether; a 1 s poll catches whatever it missed. Watching folders, not files,
    // also sees the atomic renames that replace readers.json.
    for (const target of [this.dir, cardsDir(this.dir)]) {
      try {
        const watcher = fs.watch(target, () => this.scheduleRefresh(25));
        watcher.on('error', () => watcher.close());
        this.watchers.push(watcher);
      } catch {
        /* the poll covers it */
      }
    }
    this.poll = setInterval(() => this.scheduleRefresh(0), opts.pollMs ?? 1000);
    this.poll.unref();
  }

  async listReaders(): Promise<Reader[]> {
    const { readers } = readReaders(this.dir);
    return readers.map((slot) => ({
      id: slot.id,
      name: slot.name,
      driver: 'virtual' as const,
      card: slot.cardNo ? this.safeCardInfo(slot.cardNo) : null,
    }));
  }

  async readCard(readerId: string): Promise<CardInfo> {
    return cardInfo(this.cardIn(readerId), this.pinMaxTries);
  }

  async certificate(readerId: string): Promise<{ cardNo: string; certificate: string }> {
    const card = this.cardIn(readerId);
    return { cardNo: card.cardNo, certificate: card.certificate };
  }

  async verifyPin(readerId: string, pin: string): Promise<{ pinTriesLeft: number }> {
    await this.checkPinCounted(readerId, pin);
    return { pinTriesLeft: this.pinMaxTries };
  }

  async sign(readerId: string, pin: string, data: Buffer): Promise<{ cardNo: string; certificate: string; signature: Buffer }> {
    const card = await this.checkPinCounted(readerId, pin);
    const key = decryptPrivateKey(card.privateKey, pin);
    const signature = crypto.sign('sha256', data, { key, dsaEncoding: 'der' });
    return { cardNo: card.cardNo, certificate: card.certificate, signature };
  }

  onChange(listener: (event: CardEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.watchers) w.close();
    clearInterval(this.poll);
    clearTimeout(this.debounce);
    await this.refreshing;
  }

  // --- PIN and retry counter -----------------------------------------------------------------

  /**
   * Checks the PIN of the card in a reader, one check at a time per card (two wrong PINs sent
   * together must cost two tries). The try is counted on disk before the check, as a real card
   * does, so stopping the agent in the middle never gives a free guess; a right PIN resets it.
   */
  private async checkPinCounted(readerId: string, pin: string): Promise<CardFile> {
    const cardNo = this.cardIn(readerId).cardNo;
    return this.serial(cardNo, async () => {
      const card = this.cardIn(readerId);
      if (card.cardNo !== cardNo) throw new CardError('card.absent'); // swapped while we waited
      if (card.locked) throw new CardError('card.locked');
      const left = Math.min(card.pinTriesLeft, this.pinMaxTries);
      if (left <= 0) {
        // counter spent but not marked (the agent stopped mid-check): lock now
        this.lock(readerId, card);
        throw new CardError('card.locked');
      }
      writeCardFile(this.dir, { ...card, pinTriesLeft: left - 1 });
      if (await checkPin(pin, card.pinHash)) {
        const reset = { ...card, pinTriesLeft: this.pinMaxTries, locked: false };
        writeCardFile(this.dir, reset);
        return reset;
      }
      if (left - 1 === 0) this.lock(readerId, { ...card, pinTriesLeft: 0 });
      throw new CardError('pin.wrong', left - 1);
    });
  }

  private lock(readerId: string, card: CardFile): void {
    writeCardFile(this.dir, { ...card, pinTriesLeft: 0, locked: true });
    this.log(`card ${card.cardNo} in ${readerId} is locked after ${this.pinMaxTries} wrong PINs`);
    this.emit({ type: 'locked', readerId, cardNo: card.cardNo });
  }

  private serial<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(job, job);
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }

  // --- reading the files ---------------------------------------------------------------------

  /** The card file in a reader, or the contract's reader.unknown / card.absent. */
  private cardIn(readerId: string): CardFile {
    const slot = readReaders(this.dir).readers.find((r) => r.id === readerId);
    if (!slot) throw new CardError('reader.unknown');
    if (!slot.cardNo) throw new CardError('card.absent');
    const card = readCardFile(this.dir, slot.cardNo);
    if (!card) throw new CardError('card.absent'); // readers.json names a card whose file is gone
    return card;
  }

  /** For listings: a damaged card file shows as no card (and is reported once) rather than failing all readers. */
  private safeCardInfo(cardNo: string): CardInfo | null {
    try {
      const card = readCardFile(this.dir, cardNo);
      return card ? cardInfo(card, this.pinMaxTries) : null;
    } catch (err) {
      this.warnOnce((err as Error).message);
      return null;
    }
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.log(message);
  }

  // --- events --------------------------------------------------------------------------------

  /** readerId → cardNo of the cards present now; undefined while readers.json is unreadable. */
  private scan(): Map<string, string | null> | undefined {
    try {
      const next = new Map<string, string | null>();
      for (const slot of readReaders(this.dir).readers) {
        next.set(slot.id, slot.cardNo && this.safeCardInfo(slot.cardNo) ? slot.cardNo : null);
      }
      return next;
    } catch (err) {
      this.warnOnce((err as Error).message);
      return undefined;
    }
  }

  private scheduleRefresh(delayMs: number): void {
    if (this.closed || this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      this.refreshing = this.refreshing.then(() => this.refresh()).catch((err) => this.log(`card reader refresh failed: ${(err as Error).message}`));
    }, delayMs);
  }

  private refresh(): void {
    if (this.closed) return;
    const next = this.scan();
    if (!next) return; // keep the last known state until the file is readable again
    for (const [readerId, before] of this.snapshot) {
      const now = next.get(readerId) ?? null;
      if (before && before !== now) this.emit({ type: 'removed', readerId });
    }
    for (const [readerId, now] of next) {
      const before = this.snapshot.get(readerId) ?? null;
      if (now && now !== before) {
        const card = this.safeCardInfo(now);
        if (card) this.emit({ type: 'inserted', readerId, card });
      }
    }
    this.snapshot = next;
  }

  private emit(event: CardEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        this.log(`card event listener failed: ${(err as Error).message}`);
      }
    }
  }
}
