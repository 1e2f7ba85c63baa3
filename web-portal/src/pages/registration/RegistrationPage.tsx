// R2: enterprise administrator registration without card, "1 企业基本信息 — 2 管理员账号信息 — 3 完成".
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { describeError } from '../../api/errors';
import { PageShell } from '../../components/PageShell';
import { useT, type MessageKey } from '../../i18n';
import { AccountStep } from './AccountStep';
import { DoneStep } from './DoneStep';
import { EnterpriseStep } from './EnterpriseStep';
import { useRegistrationFlow } from './useRegistrationFlow';

const DEFAULT_STEPS = ['enterprise', 'account', 'done'];
const STEP_LABELS: Record<string, MessageKey> = {
  enterprise: 'reg.step.enterprise',
  account: 'reg.step.account',
  done: 'reg.step.done',
};

export function RegistrationPage() {
  const t = useT();
  const { flow, phase, restartedAfterExpiry, failure, runStep, restart } = useRegistrationFlow();

  const steps = flow?.steps?.length ? flow.steps : DEFAULT_STEPS;
  const current = flow ? (flow.status === 'completed' ? steps.length - 1 : Math.max(0, steps.indexOf(flow.step))) : 0;
  const step = flow?.status === 'completed' ? 'done' : flow?.step;

  let body: ReactNode;
  if (phase === 'loading') {
    body = (
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 2, py: 8 }}>
        <CircularProgress size={24} />
        <Typography color="text.secondary">{t('reg.starting')}</Typography>
      </Box>
    );
  } else if (phase === 'expired') {
    body = (
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
  } else if (phase === 'error' || !flow) {
    body = (
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
  } else if (step === 'enterprise') {
    body = <EnterpriseStep runStep={runStep} />;
  } else if (step === 'account') {
    body = <AccountStep flow={flow} runStep={runStep} />;
  } else {
    body = <DoneStep username={typeof flow.data.username === 'string' ? flow.data.username : ''} />;
  }

  return (
    <PageShell section={t('reg.title')}>
      <Paper variant="outlined" sx={{ px: { xs: 2, md: 5 }, py: 4 }}>
        <Box sx={{ display: 'flex', alignItems: 'baseline', mb: 3 }}>
          <Typography component="h1" sx={{ fontSize: 22, fontWeight: 600 }}>
            {t('reg.title')}
          </Typography>
          <Box sx={{ flex: 1 }} />
          <Typography variant="body2" color="text.secondary">
            {t('reg.haveAccount')}{' '}
            <Link component={RouterLink} to="/login">
              {t('login.submit')}
            </Link>
          </Typography>
        </Box>
        <Stepper activeStep={current} alternativeLabel sx={{ mb: 4, maxWidth: 720, mx: 'auto' }} data-testid="registration-steps">
          {steps.map((s, i) => (
            <Step key={s} completed={i < current || flow?.status === 'completed'}>
              <StepLabel>{STEP_LABELS[s] ? t(STEP_LABELS[s]) : s}</StepLabel>
            </Step>
          ))}
        </Stepper>
        {restartedAfterExpiry && phase === 'ready' && step === 'enterprise' ? (
          <Alert severity="info" sx={{ mb: 3 }} data-testid="flow-restarted">
            {t('reg.expiredRestarted')}
          </Alert>
        ) : null}
        {body}
      </Paper>
    </PageShell>
  );
}
