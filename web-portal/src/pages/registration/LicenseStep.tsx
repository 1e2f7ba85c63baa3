// Step 1 of R8: the electronic business license QR code. The flow waits for the provider's
// callback (a Temporal signal); this page polls the flow until it has moved on. While simulators
// are on, the QR box opens the phone simulator /dev/elicense/:flowId, as a phone would.
import { useEffect, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { messageFor } from '../../../../domain';
import { configApi } from '../../api/endpoints';
import type { FlowState } from '../../api/types';
import { useLanguage } from '../../i18n';

const POLL_MS = 2000;
const MODULES = 29;

/** A QR-looking picture derived from the flow ID: finder squares and seeded modules. */
export function QrPicture({ seed, size = 196 }: { seed: string; size?: number }) {
  const cells = useMemo(() => {
    let h = 2166136261;
    for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    const next = () => {
      h ^= h << 13;
      h ^= h >>> 17;
      h ^= h << 5;
      return (h >>> 0) / 4294967296;
    };
    const inFinder = (x: number, y: number) =>
      [[0, 0], [MODULES - 7, 0], [0, MODULES - 7]].some(([fx, fy]) => x >= fx - 1 && x <= fx + 7 && y >= fy - 1 && y <= fy + 7);
    const out: [number, number][] = [];
    for (let y = 0; y < MODULES; y++) for (let x = 0; x < MODULES; x++) if (!inFinder(x, y) && next() < 0.5) out.push([x, y]);
    return out;
  }, [seed]);
  const finder = (x: number, y: number) => (
    <g key={`${x}-${y}`}>
      <rect x={x} y={y} width={7} height={7} fill="#000" />
      <rect x={x + 1} y={y + 1} width={5} height={5} fill="#fff" />
      <rect x={x + 2} y={y + 2} width={3} height={3} fill="#000" />
    </g>
  );
  return (
    <svg width={size} height={size} viewBox={`-2 -2 ${MODULES + 4} ${MODULES + 4}`} shapeRendering="crispEdges" aria-hidden="true">
      <rect x={-2} y={-2} width={MODULES + 4} height={MODULES + 4} fill="#fff" />
      {cells.map(([x, y]) => (
        <rect key={`${x}:${y}`} x={x} y={y} width={1} height={1} fill="#000" />
      ))}
      {finder(0, 0)}
      {finder(MODULES - 7, 0)}
      {finder(0, MODULES - 7)}
    </svg>
  );
}

export function LicenseStep({ flow, refresh }: { flow: FlowState; refresh: () => Promise<FlowState | null> }) {
  const { t, lang } = useLanguage();
  const [simulators, setSimulators] = useState<boolean | null>(null);

  useEffect(() => {
    let live = true;
    configApi.get().then(
      (c) => live && setSimulators(c.simulators),
      () => live && setSimulators(false),
    );
    return () => {
      live = false;
    };
  }, []);

  // Poll while the QR code is shown: the scan happens on another device.
  useEffect(() => {
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const licenseError = typeof flow.data.licenseError === 'string' ? flow.data.licenseError : null;
  const qr = (
    <Box sx={{ p: 1.5, border: '1px solid', borderColor: 'divider', borderRadius: 1, bgcolor: '#fff', display: 'inline-block', lineHeight: 0 }}>
      <QrPicture seed={flow.flowId} />
    </Box>
  );

  return (
    <Box sx={{ textAlign: 'center', py: 2 }} data-testid="elicense-step">
      <Typography sx={{ mb: 2.5 }}>{t('reg.elicense.scanHint')}</Typography>
      {simulators ? (
        <Box
          component={RouterLink}
          to={`/dev/elicense/${encodeURIComponent(flow.flowId)}`}
          target="_blank"
          rel="opener"
          aria-label={t('reg.elicense.qrLabel')}
          title={t('reg.elicense.simulated')}
          data-testid="elicense-qr"
          sx={{ display: 'inline-block', '&:hover > div': { borderColor: 'primary.main' } }}
        >
          {qr}
        </Box>
      ) : (
        <Box data-testid="elicense-qr" aria-label={t('reg.elicense.qrLabel')} role="img">
          {qr}
        </Box>
      )}
      {simulators ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('reg.elicense.simulated')}
        </Typography>
      ) : null}
      {simulators === false ? (
        <Alert severity="warning" sx={{ mt: 2, textAlign: 'left' }}>
          {t('reg.elicense.unavailable')}
        </Alert>
      ) : null}
      {licenseError ? (
        <Alert severity="error" sx={{ mt: 2, textAlign: 'left' }} data-testid="elicense-error">
          {t('reg.elicense.refused', { reason: messageFor(licenseError, lang) })}
        </Alert>
      ) : null}
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 1.5, mt: 2 }} data-testid="elicense-waiting">
        <CircularProgress size={18} />
        <Typography color="text.secondary">{t('reg.elicense.waiting')}</Typography>
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
        {t('reg.elicense.only9')}
      </Typography>
      <Box sx={{ display: 'flex', justifyContent: 'center', gap: 2, mt: 3 }}>
        <Button component={RouterLink} to="/register" variant="outlined" sx={{ minWidth: 120 }} data-testid="back">
          {t('common.back')}
        </Button>
        <Button component={RouterLink} to="/register/enterprise" variant="outlined" data-testid="elicense-manual">
          {t('reg.elicense.manual')}
        </Button>
      </Box>
    </Box>
  );
}
