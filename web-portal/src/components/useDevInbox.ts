// Whether the developer inbox exists (simulators on): GET /api/dev/outbox answers 200.
import { useEffect, useState } from 'react';
import { devApi } from '../api/endpoints';

let probe: Promise<boolean> | null = null;

function probeOnce(): Promise<boolean> {
  probe ??= devApi.outbox().then(
    () => true,
    () => false,
  );
  return probe;
}

export function useDevInboxAvailable(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    let live = true;
    void probeOnce().then((ok) => live && setAvailable(ok));
    return () => {
      live = false;
    };
  }, []);
  return available;
}
