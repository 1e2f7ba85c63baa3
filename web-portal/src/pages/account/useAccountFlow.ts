// An account flow (changeMobile / changeEmail) behind a dialog: started when the dialog opens,
// steps sent to /api/flows, and started again when it expired or is gone.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/client';
import { accountCenterApi } from '../../api/accountEndpoints';
import { flowsApi } from '../../api/endpoints';
import type { FlowState } from '../../api/types';

export function useAccountFlow(type: 'changeMobile' | 'changeEmail', open: boolean) {
  const [flow, setFlow] = useState<FlowState | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const [restarted, setRestarted] = useState(false);
  const flowRef = useRef<FlowState | null>(null);
  flowRef.current = flow;

  const start = useCallback(async () => {
    setStartError(null);
    try {
      const f = await accountCenterApi.startFlow(type);
      setFlow(f);
      return f;
    } catch (e) {
      setStartError(e);
      return null;
    }
  }, [type]);

  useEffect(() => {
    if (!open) return;
    setFlow(null);
    setRestarted(false);
    void start();
  }, [open, start]);

  /** Sends a step; an expired or vanished flow is started again and the error rethrown. */
  const step = useCallback(
    async (name: string, fields: Record<string, unknown>): Promise<FlowState> => {
      const current = flowRef.current ?? (await start());
      if (!current) throw new Error('flow not started');
      try {
        const next = await flowsApi.step(current.flowId, name, fields);
        setFlow(next);
        return next;
      } catch (e) {
        if (isApiError(e) && (e.status === 404 || e.status === 410)) {
          setRestarted(true);
          await start();
        }
        throw e;
      }
    },
    [start],
  );

  return { flow, step, startError, restarted };
}
