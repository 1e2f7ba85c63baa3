// Watches the card agent: GET /v1/status every 2 s, plus its WebSocket events (inserted, removed,
// locked) for an immediate refresh. Gives the readers and the card to use.
import { useCallback, useEffect, useRef, useState } from 'react';
import { CardAgentError, agentUrl, cardAgent, eventsUrl } from './client';
import type { CardInfo, Reader } from './types';

const POLL_MS = 2000;
const WS_RETRY_MS = 10_000;

export type AgentPhase = 'checking' | 'ready' | 'unreachable' | 'refused';

export interface CardAgentState {
  phase: AgentPhase;
  readers: Reader[];
  /** Readers that hold a card. */
  withCard: Reader[];
  /** The chosen reader with a card (the first one unless the user picked another), or null. */
  reader: Reader | null;
  card: CardInfo | null;
  selectReader: (readerId: string) => void;
  refresh: () => Promise<void>;
}

const sameReaders = (a: Reader[], b: Reader[]) => JSON.stringify(a) === JSON.stringify(b);

export function useCardAgent(enabled = true): CardAgentState {
  const [phase, setPhase] = useState<AgentPhase>('checking');
  const [readers, setReaders] = useState<Reader[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const live = useRef(true);
  const inFlight = useRef(false);
  const again = useRef(false);
  const ws = useRef<WebSocket | null>(null);
  const lastWsTry = useRef(0);

  const openEvents = useCallback(async (refreshNow: () => void) => {
    if (ws.current || typeof WebSocket === 'undefined') return;
    if (Date.now() - lastWsTry.current < WS_RETRY_MS) return;
    lastWsTry.current = Date.now();
    let base: string;
    try {
      base = await agentUrl();
    } catch {
      return;
    }
    if (!live.current || ws.current || !base) return;
    try {
      const socket = new WebSocket(eventsUrl(base));
      ws.current = socket;
      socket.onmessage = () => refreshNow();
      socket.onclose = () => {
        if (ws.current === socket) ws.current = null;
      };
      socket.onerror = () => socket.close();
    } catch {
      ws.current = null;
    }
  }, []);

  const refresh = useCallback(async () => {
    if (inFlight.current) {
      // An event during a poll: look once more when it is back, the poll may predate the change.
      again.current = true;
      return;
    }
    inFlight.current = true;
    again.current = false;
    try {
      const s = await cardAgent.status();
      if (!live.current) return;
      const next = Array.isArray(s.readers) ? s.readers : [];
      setReaders((prev) => (sameReaders(prev, next) ? prev : next));
      setPhase('ready');
      void openEvents(() => void refresh());
    } catch (e) {
      if (!live.current) return;
      setReaders((prev) => (prev.length ? [] : prev));
      setPhase(e instanceof CardAgentError && (e.code === 'origin.refused' || e.code === 'host.refused') ? 'refused' : 'unreachable');
    } finally {
      inFlight.current = false;
    }
    if (again.current && live.current) void refresh();
  }, [openEvents]);

  useEffect(() => {
    live.current = true;
    if (!enabled) return;
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => {
      live.current = false;
      window.clearInterval(timer);
      const socket = ws.current;
      ws.current = null;
      lastWsTry.current = 0;
      socket?.close();
    };
  }, [enabled, refresh]);

  const withCard = readers.filter((r) => r.card);
  const reader = withCard.find((r) => r.id === chosen) ?? withCard[0] ?? null;

  return { phase, readers, withCard, reader, card: reader?.card ?? null, selectReader: setChosen, refresh };
}
