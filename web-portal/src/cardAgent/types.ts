// Shapes of the local card agent's HTTP API (docs/card-agent.md).

export type CardType = 'legal' | 'operator';
export type CardMedium = 'ic' | 'ikey';

/** The card in a reader, as the agent reads it (public data only). */
export interface CardInfo {
  cardNo: string;
  cardType: CardType;
  medium: CardMedium;
  holderName: string;
  enterpriseName: string;
  uscc: string;
  notAfter: string;
  locked: boolean;
  pinTriesLeft: number;
}

export interface Reader {
  id: string;
  name: string;
  driver: 'virtual' | 'pcsc' | string;
  card: CardInfo | null;
}

export interface AgentStatus {
  agent: string;
  version: string;
  readers: Reader[];
}

export interface SignResult {
  cardNo: string;
  certificate: string;
  signature: string;
}

export type AgentEvent =
  | { type: 'inserted'; readerId: string; card: CardInfo }
  | { type: 'removed'; readerId: string }
  | { type: 'locked'; readerId: string; cardNo: string };
