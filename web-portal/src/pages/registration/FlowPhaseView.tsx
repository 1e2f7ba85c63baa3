// What a registration page shows while its flow starts, after it expired, or when it could not
// start; null once the flow is ready. Shared by the individual and overseas pages.
import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { describeError } from '../../api/errors';
import type { FlowState } from '../../api/types';
import { useT } from '../../i18n';
import type { FlowPhase } from './useRegistrationFlow';

export function flowPhaseView(
  t: ReturnType<typeof useT>,
  { phase, flow, failure, restart }: { phase: FlowPhase; flow: FlowState | null; failure: unknown; restart: () => void },
): ReactNode | null {
  if (phase === 'loading') {
    return (
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 2, py: 8 }}>
        <CircularProgress size={24} />
        <Typography color="text.secondary">{t('reg.starting')}</Typography>
      </Box>
    );
  }
  if (phase === 'expired') {
    return (
      <Alert
        severity="warning"
        data-testid="flow-expired"
        action={
          <Button color="inherit" variant="outlined" onClick={restart} data-testid="restart">
            {t('reg.restart')}
          </Button>
        }
      >
        {t('reg.expired')}
      </Alert>
    );
  }
  if (phase === 'error' || !flow) {
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" onClick={restart} data-testid="restart">
            {t('common.retry')}
          </Button>
        }
      >
        {t('reg.startFailed')}：{describeError(failure, t)}
      </Alert>
    );
  }
  return null;
}
