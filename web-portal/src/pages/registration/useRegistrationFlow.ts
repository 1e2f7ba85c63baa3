// The registration flow (POST /api/flows {type:'registration'}), resumed after a reload through
// the flowId kept in sessionStorage.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/client';
import { flowsApi } from '../../api/endpoints';
import type { FlowState } from '../../api/types';

const STORAGE_KEY = 'sw.portal.registrationFlowId';

export type FlowPhase = 'loading' | 'ready' | 'expired' | 'error';

function remember(flowId: string | null): void {
  try {
    if (flowId) sessionStorage.setItem(STORAGE_KEY, flowId);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage off: the flow simply does not survive a reload.
  }
}

function remembered(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

const isGone = (e: unknown) => isApiError(e) && (e.status === 404 || e.status === 410);

export function useRegistrationFlow() {
  const [flow, setFlow] = useState<FlowState | null>(null);
  const [phase, setPhase] = useState<FlowPhase>('loading');
  const [restartedAfterExpiry, setRestartedAfterExpiry] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const started = useRef(false);

  const accept = useCallback((f: FlowState) => {
    setFlow(f);
    // A finished or dead flow is not resumed by the next visit to /register.
    remember(f.status === 'active' ? f.flowId : null);
  }, []);

  const startNew = useCallback(
    async (afterExpiry: boolean) => {
      setPhase('loading');
      try {
        const f = await flowsApi.start('registration');
        accept(f);
        setRestartedAfterExpiry(afterExpiry);
        setPhase('ready');
      } catch (e) {
        setFailure(e);
        setPhase('error');
      }
    },
    [accept],
  );

  useEffect(() => {
    // StrictMode runs effects twice; one flow per visit.
    if (started.current) return;
    started.current = true;
    const saved = remembered();
    if (!saved) {
      void startNew(false);
      return;
    }
    flowsApi.get(saved).then(
      (f) => {
        if (f.status === 'expired') {
          remember(null);
          void startNew(true);
        } else {
          accept(f);
          setPhase('ready');
        }
      },
      (e) => {
        remember(null);
        if (isGone(e)) void startNew(true);
        else {
          setFailure(e);
          setPhase('error');
        }
      },
    );
  }, [accept, startNew]);

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
          remember(null);
          setPhase('expired');
        }
        throw e;
      }
    },
    [flow, accept],
  );

  const restart = useCallback(() => {
    remember(null);
    setFlow(null);
    void startNew(false);
  }, [startNew]);

  return { flow, phase, restartedAfterExpiry, failure, runStep, restart };
}
