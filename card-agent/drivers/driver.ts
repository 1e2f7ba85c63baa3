// What the agent needs from a family of card readers. The virtual driver implements it over files;
// a PC/SC driver (real IC cards and IKeys) can implement it later without touching the server.

export type CardType = 'legal' | 'operator';
export type CardMedium = 'ic' | 'ikey';

/** Public facts about the card in a reader (docs/card-agent.md `CardInfo`). */
export type CardInfo = {
  cardNo: string;
  cardType: CardType;
  medium: CardMedium;
  holderName: string;
  enterpriseName: string;
  uscc: string;
  notAfter: string; // ISO date-time, from the certificate
  locked: boolean;
  pinTriesLeft: number;
};

export type Reader = { id: string; name: string; driver: 'virtual' | 'pcsc'; card: CardInfo | null };

export type CardEvent =
  | { type: 'inserted'; readerId: string; card: CardInfo }
  | { type: 'removed'; readerId: string }
  | { type: 'locked'; readerId: string; cardNo: string };

export type CardErrorCode = 'reader.unknown' | 'card.absent' | 'card.locked' | 'pin.wrong';

/** A refusal the card itself gives; the server maps the code to the contract's HTTP status. */
export class CardError extends Error {
  constructor(
    readonly code: CardErrorCode,
    readonly pinTriesLeft?: number,
  ) {
    super(code);
  }
}

export interface CardDriver {
  readonly kind: 'virtual' | 'pcsc';
  listReaders(): Promise<Reader[]>;
  /** The card in a reader; CardError reader.unknown / card.absent. */
  readCard(readerId: string): Promise<CardInfo>;
  /** The card's certificate (PEM, public: no PIN needed). */
  certificate(readerId: string): Promise<{ cardNo: string; certificate: string }>;
  /** Checks the PIN; a wrong one counts against the card's retry counter and may lock it. */
  verifyPin(readerId: string, pin: string): Promise<{ pinTriesLeft: number }>;
  /** Checks the PIN like verifyPin, then signs SHA-256(data) with ECDSA P-256 (DER signature). */
  sign(readerId: string, pin: string, data: Buffer): Promise<{ cardNo: string; certificate: string; signature: Buffer }>;
  /** Insert, remove and lock events; returns a function that unsubscribes. */
  onChange(listener: (event: CardEvent) => void): () => void;
  close(): Promise<void>;
}
