// L2: first login of an operator created by its administrator — SMS check of the mobile the
// administrator entered, then a forced password change.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import CheckCircle from '@mui/icons-material/CheckCircle';
import { isApiError } from '../../api/client';
import { flowsApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import type { FlowState } from '../../api/types';
import { PageShell } from '../../components/PageShell';
import { useT } from '../../i18n';
import { NewPasswordPanel } from './NewPasswordPanel';
import { SmsCheckPanel } from './SmsCheckPanel';

type Phase = { kind: 'loading' } | { kind: 'ready' } | { kind: 'gone'; reason?: string } | { kind: 'error'; text: string };

/** Why the flow is over: its account was deleted or disabled meanwhile (status 'ended', 410), or it expired. */
const goneReason = (code: string | undefined) => (code === 'account.gone' || code === 'account.disabled' ? code : undefined);

export function FirstLoginPage() {
  const t = useT();
  const { flowId = '' } = useParams();
  const [flow, setFlow] = useState<FlowState | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const load = useCallback(async () => {
    setPhase({ kind: 'loading' });
    try {
      const f = await flowsApi.get(flowId);
      setFlow(f);
      setPhase(f.status === 'expired' || f.status === 'ended' ? { kind: 'gone', reason: goneReason(f.endReason) } : { kind: 'ready' });
    } catch (e) {
      if (isApiError(e) && (e.status === 404 || e.status === 410 || e.status === 403)) setPhase({ kind: 'gone', reason: goneReason(e.code) });
      else setPhase({ kind: 'error', text: describeError(e, t) });
    }
  }, [flowId, t]);

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flowId]);

  const runStep = useCallback(
    async (step: string, fields: Record<string, unknown>) => {
      try {
        const f = await flowsApi.step(flowId, step, fields);
        setFlow(f);
        if (f.status === 'expired' || f.status === 'ended') setPhase({ kind: 'gone', reason: goneReason(f.endReason) });
        return f;
      } catch (e) {
        if (isApiError(e) && (e.status === 404 || e.status === 410)) setPhase({ kind: 'gone', reason: goneReason(e.code) });
        throw e;
      }
    },
    [flowId],
  );

  let title = t('first.verifyTitle');
  let body: ReactNode;
  if (phase.kind === 'loading') {
    body = (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
        <CircularProgress size={28} />
      </Box>
    );
  } else if (phase.kind === 'gone') {
    body = (
      <Alert
        severity="warning"
        data-testid="flow-expired"
        action={
          <Button component={RouterLink} to="/login" color="inherit" variant="outlined">
            {t('login.submit')}
          </Button>
        }
      >
        {phase.reason === 'account.gone' ? t('first.accountGone') : phase.reason === 'account.disabled' ? t('first.accountDisabled') : t('first.expired')}
      </Alert>
    );
  } else if (phase.kind === 'error' || !flow) {
    body = (
      <Alert severity="error" action={<Button onClick={() => void load()}>{t('common.retry')}</Button>}>
        {phase.kind === 'error' ? phase.text : t('common.unexpected')}
      </Alert>
    );
  } else if (flow.status === 'completed' || flow.step === 'done') {
    title = t('first.doneTitle');
    body = (
      <Box sx={{ textAlign: 'center', py: 3 }} data-testid="first-login-done">
        <CheckCircle sx={{ fontSize: 64, color: 'success.main' }} />
        <Typography sx={{ mt: 1.5, fontSize: 17 }}>{t('first.doneText')}</Typography>
        <Button component={RouterLink} to="/login" variant="contained" size="large" sx={{ mt: 3, minWidth: 180 }} data-testid="to-login">
          {t('first.toLogin')}
        </Button>
      </Box>
    );
  } else if (flow.step === 'newPassword') {
    title = t('first.changeTitle');
    body = <NewPasswordPanel runStep={runStep} />;
  } else {
    body = <SmsCheckPanel flow={flow} runStep={runStep} />;
  }

  return (
    <PageShell section={t('first.title')} maxWidth={1040}>
      <Paper variant="outlined" sx={{ px: { xs: 2, md: 5 }, py: 4, maxWidth: 960, mx: 'auto' }}>
        <Typography component="h1" sx={{ fontSize: 21, fontWeight: 600, mb: 3, textAlign: 'center' }}>
          {title}
        </Typography>
        {body}
      </Paper>
    </PageShell>
  );
}
