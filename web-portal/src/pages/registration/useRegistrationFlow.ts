// A registration flow (POST /api/flows {type, variant}) of any registration type, resumed after
// a reload through the flowId kept in sessionStorage (one per type and variant).
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/client';
import { flowsApi } from '../../api/endpoints';
import type { FlowState, FlowType } from '../../api/types';

export type FlowPhase = 'loading' | 'ready' | 'expired' | 'error';

function storageKey(type: FlowType, variant?: string): string {
  return `sw.portal.flow.${type}${variant ? `.${variant}` : ''}`;
}

function remember(key: string, flowId: string | null): void {
  try {
    if (flowId) sessionStorage.setItem(key, flowId);
    else sessionStorage.removeItem(key);
  } catch {
    // Storage off: the flow simply does not survive a reload.
  }
}

function remembered(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

const isGone = (e: unknown) => isApiError(e) && (e.status === 404 || e.status === 410);

export function useRegistrationFlow(type: FlowType = 'registration', variant?: string) {
  const key = storageKey(type, variant);
  const [flow, setFlow] = useState<FlowState | null>(null);
  const [phase, setPhase] = useState<FlowPhase>('loading');
  const [restartedAfterExpiry, setRestartedAfterExpiry] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const started = useRef(false);

  const accept = useCallback((f: FlowState) => {
    setFlow(f);
    // A finished or dead flow is not resumed by the next visit to /register.
    remember(key, f.status === 'active' ? f.flowId : null);
  }, [key]);

  const startNew = useCallback(
    async (afterExpiry: boolean) => {
      setPhase('loading');
      try {
        const f = await flowsApi.start(type, variant);
        accept(f);
        setRestartedAfterExpiry(afterExpiry);
        setPhase('ready');
      } catch (e) {
        setFailure(e);
        setPhase('error');
      }
    },
    [accept, type, variant],
  );

  useEffect(() => {
    // StrictMode runs effects twice; one flow per visit.
    if (started.current) return;
    started.current = true;
    const saved = remembered(key);
    if (!saved) {
      void startNew(false);
      return;
    }
    flowsApi.get(saved).then(
      (f) => {
        if (f.type !== type || (variant !== undefined && f.data.variant !== undefined && f.data.variant !== variant)) {
          remember(key, null);
          void startNew(false);
        } else if (f.status === 'expired') {
          remember(key, null);
          void startNew(true);
        } else {
          accept(f);
          setPhase('ready');
        }
      },
      (e) => {
        remember(key, null);
        if (isGone(e)) void startNew(true);
        else {
          setFailure(e);
          setPhase('error');
        }
      },
    );
  }, [accept, startNew, key, type, variant]);

  /** Posts one step; a 404/410 turns the page into "expired". Errors are rethrown for the form. */
  const runStep = useCallback(
    async (step: string, fields: Record<string, unknown>): Promise<FlowState> => {
      if (!flow) throw new Error('no flow');
      try {
        const f = await flowsApi.step(flow.flowId, step, fields);
        accept(f);
        if (f.status === 'expired') setPhase('expired');
        return f;
      } catch (e) {
        if (isGone(e)) {
          remember(key, null);
          setPhase('expired');
        }
        throw e;
      }
    },
    [flow, accept, key],
  );

  /** Reads the flow again: for decisions made outside this page (R8 license scan). */
  const refresh = useCallback(async (): Promise<FlowState | null> => {
    if (!flow) return null;
    try {
      const f = await flowsApi.get(flow.flowId);
      if (f.step !== flow.step || f.status !== flow.status || JSON.stringify(f.data) !== JSON.stringify(flow.data)) accept(f);
      if (f.status === 'expired') setPhase('expired');
      return f;
    } catch (e) {
      if (isGone(e)) {
        remember(key, null);
        setPhase('expired');
      }
      return null;
    }
  }, [flow, accept, key]);

  const restart = useCallback(() => {
    remember(key, null);
    setFlow(null);
    void startNew(false);
  }, [startNew, key]);

  return { flow, phase, restartedAfterExpiry, failure, runStep, refresh, restart };
}
