// Step 1 of R8: the electronic business license QR code. The flow waits for the provider's
// callback (a Temporal signal); this page polls the flow until it has moved on. While simulators
// are on, the QR box opens the phone simulator /dev/elicense/:flowId, as a phone would.
import { useEffect, useState } from 'react';
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
import { ElicenseQr } from '../../components/ElicenseQr';

const POLL_MS = 2000;

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
  const qr = <ElicenseQr flowId={flow.flowId} />;

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
