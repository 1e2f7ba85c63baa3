// R2: enterprise administrator registration without card, "1 企业基本信息 — 2 管理员账号信息 — 3 完成";
// R3 the same for a public institution ("1 事业单位基本信息 …"); R8 with the electronic business
// license: "1 电子营业执照扫码 — 2 管理员账号信息 — 3 完成".
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
import QrCode2 from '@mui/icons-material/QrCode2';
import { describeError } from '../../api/errors';
import type { RegistrationVariant } from '../../api/types';
import { PageShell } from '../../components/PageShell';
import { useT, type MessageKey } from '../../i18n';
import { AccountStep } from './AccountStep';
import { DoneStep } from './DoneStep';
import { EnterpriseStep } from './EnterpriseStep';
import { LicenseStep } from './LicenseStep';
import { useRegistrationFlow } from './useRegistrationFlow';

const STEP_LABELS: Record<string, MessageKey> = {
  enterprise: 'reg.step.enterprise',
  elicense: 'reg.step.elicense',
  account: 'reg.step.account',
  done: 'reg.step.done',
};

export function RegistrationPage({ variant = 'enterprise' }: { variant?: RegistrationVariant }) {
  const t = useT();
  const { flow, phase, restartedAfterExpiry, failure, runStep, refresh, restart } = useRegistrationFlow('registration', variant);

  const defaultSteps = variant === 'elicense' ? ['elicense', 'account', 'done'] : ['enterprise', 'account', 'done'];
  const steps = flow?.steps?.length ? flow.steps : defaultSteps;
  const stepLabel = (s: string): string =>
    s === 'enterprise' && variant === 'institution' ? t('reg.step.institution') : STEP_LABELS[s] ? t(STEP_LABELS[s]) : s;
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
    body = <EnterpriseStep runStep={runStep} variant={variant} />;
  } else if (step === 'elicense') {
    body = <LicenseStep flow={flow} refresh={refresh} />;
  } else if (step === 'account') {
    body = <AccountStep flow={flow} runStep={runStep} />;
  } else {
    body = <DoneStep username={typeof flow.data.username === 'string' ? flow.data.username : ''} />;
  }

  return (
    <PageShell section={variant === 'institution' ? t('reg.section.institution') : variant === 'elicense' ? t('regChoose.elicense') : t('reg.title')}>
      <Paper variant="outlined" sx={{ px: { xs: 2, md: 5 }, py: 4 }}>
        <Box sx={{ display: 'flex', alignItems: 'baseline', mb: 3 }}>
          <Typography component="h1" sx={{ fontSize: 22, fontWeight: 600 }}>
            {t('reg.title')}
          </Typography>
          {variant === 'enterprise' && step === 'enterprise' ? (
            // As on the manual's page: the quick registration sits beside the heading.
            <Link component={RouterLink} to="/register/elicense" data-testid="elicense-link" sx={{ ml: 3, display: 'inline-flex', alignItems: 'center', gap: 0.5, fontSize: 14 }}>
              <QrCode2 fontSize="small" />
              {t('reg.quickLicense')}
            </Link>
          ) : null}
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
              <StepLabel>{stepLabel(s)}</StepLabel>
            </Step>
          ))}
        </Stepper>
        {restartedAfterExpiry && phase === 'ready' && (step === 'enterprise' || step === 'elicense') ? (
          <Alert severity="info" sx={{ mb: 3 }} data-testid="flow-restarted">
            {t('reg.expiredRestarted')}
          </Alert>
        ) : null}
        {body}
      </Paper>
    </PageShell>
  );
}
