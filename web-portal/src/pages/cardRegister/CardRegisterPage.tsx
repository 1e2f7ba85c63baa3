// After a card login found no account (R6 rules 1, 3, 4): create the accounts automatically
// (inactive, `<cardNo>_ADMIN` / `<cardNo>`) or fill in the registration form (R7).
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import AutoMode from '@mui/icons-material/AutoMode';
import EditNote from '@mui/icons-material/EditNote';
import { isApiError } from '../../api/client';
import { flowsApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import type { CardLoginPlan, FlowCard, FlowResult } from '../../api/types';
import { cardProblem } from '../../cardAgent';
import { PageShell } from '../../components/PageShell';
import { useLanguage } from '../../i18n';
import { CardRegisterForm } from './CardRegisterForm';

type Phase = { kind: 'loading' } | { kind: 'ready' } | { kind: 'gone' } | { kind: 'error'; text: string };
type RegisterPlan = Extract<CardLoginPlan, { action: 'register' }>;

const isGone = (e: unknown) => isApiError(e) && (e.status === 404 || e.status === 410 || e.status === 409);

export function CardRegisterPage() {
  const { t, lang } = useLanguage();
  const navigate = useNavigate();
  const { flowId = '' } = useParams();
  const [flow, setFlow] = useState<FlowResult | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [choice, setChoice] = useState<'auto' | 'form' | null>(null);
  const [autoBusy, setAutoBusy] = useState(false);
  const [autoError, setAutoError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setPhase({ kind: 'loading' });
    try {
      const f = await flowsApi.get(flowId);
      setFlow(f);
      setPhase(f.status === 'active' && f.step === 'register' ? { kind: 'ready' } : { kind: 'gone' });
    } catch (e) {
      if (isApiError(e) && (e.status === 404 || e.status === 410 || e.status === 403)) setPhase({ kind: 'gone' });
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
        if (f.status === 'expired') setPhase({ kind: 'gone' });
        return f;
      } catch (e) {
        if (isGone(e)) setPhase({ kind: 'gone' });
        throw e;
      }
    },
    [flowId],
  );

  const done = (f: FlowResult) => {
    if (f.status === 'completed' && f.account) navigate('/account', { replace: true, state: { notice: t('cardReg.done') } });
    else if (f.status !== 'active') setPhase({ kind: 'gone' });
  };

  const registerAuto = async () => {
    setAutoBusy(true);
    setAutoError(null);
    try {
      done(await runStep('register', { mode: 'auto' }));
    } catch (e) {
      if (!isGone(e)) setAutoError(cardProblem(e, lang) ?? describeError(e, t));
    } finally {
      setAutoBusy(false);
    }
  };

  const card = (flow?.data.card ?? null) as FlowCard | null;
  const plan = (flow?.data.plan ?? null) as RegisterPlan | null;
  const smsSentTo = typeof flow?.data.smsSentTo === 'string' ? flow.data.smsSentTo : null;
  const resendAfter = typeof flow?.data.resendAfter === 'string' ? flow.data.resendAfter : null;

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
          <Button component={RouterLink} to="/login?tab=card" color="inherit" variant="outlined">
            {t('cardReg.toLogin')}
          </Button>
        }
      >
        {t('cardReg.gone')}
      </Alert>
    );
  } else if (phase.kind === 'error' || !card || !plan) {
    body = (
      <Alert severity="error" action={<Button onClick={() => void load()}>{t('common.retry')}</Button>}>
        {phase.kind === 'error' ? phase.text : t('common.unexpected')}
      </Alert>
    );
  } else {
    const admin = `${card.cardNo}_ADMIN`;
    const op = card.cardNo;
    const autoText = plan.rule === 3 ? t('cardReg.autoText.rule3', { admin, op }) : plan.kind === 'admin' ? t('cardReg.autoText.rule1', { admin }) : t('cardReg.autoText.rule4', { op });
    const choiceSx = (active: boolean) => ({
      p: 2.5,
      display: 'flex',
      flexDirection: 'column' as const,
      gap: 1.25,
      borderColor: active ? 'primary.main' : 'divider',
      borderWidth: active ? 2 : 1,
      bgcolor: active ? '#f3f7fc' : '#fff',
    });
    body = (
      <>
        <Alert severity="info" icon={false} sx={{ mb: 2 }} data-testid="card-summary">
          {t('cardReg.cardSummary', {
            cardNo: card.cardNo,
            type: t(`card.type.${card.cardType}`),
            holder: card.holderName,
            enterprise: card.enterpriseName,
            uscc: card.uscc,
          })}
        </Alert>
        <Typography sx={{ mb: 2 }} data-testid="card-register-intro">
          {t('cardReg.intro')}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2.5, mb: 3 }}>
          <Paper variant="outlined" sx={choiceSx(choice === 'auto')}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'primary.main' }}>
              <AutoMode />
              <Typography sx={{ fontWeight: 600, fontSize: 16 }}>{t('cardReg.autoTitle')}</Typography>
            </Box>
            <Typography variant="body2" data-testid="register-auto-text">
              {autoText}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('cardReg.autoInactive')}
            </Typography>
            {autoError ? (
              <Alert severity="error" data-testid="register-auto-error">
                {autoError}
              </Alert>
            ) : null}
            <Box sx={{ flex: 1 }} />
            <Button
              variant="contained"
              onClick={() => {
                setChoice('auto');
                void registerAuto();
              }}
              disabled={autoBusy}
              data-testid="register-auto"
              sx={{ alignSelf: 'flex-start', minWidth: 160 }}
            >
              {t('cardReg.autoSubmit')}
            </Button>
          </Paper>
          <Paper variant="outlined" sx={choiceSx(choice === 'form')}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'primary.main' }}>
              <EditNote />
              <Typography sx={{ fontWeight: 600, fontSize: 16 }}>{t('cardReg.formTitle')}</Typography>
            </Box>
            <Typography variant="body2">{t('cardReg.formText')}</Typography>
            <Box sx={{ flex: 1 }} />
            <Button variant="outlined" onClick={() => setChoice('form')} data-testid="register-form" sx={{ alignSelf: 'flex-start', minWidth: 160 }}>
              {t('cardReg.formOpen')}
            </Button>
          </Paper>
        </Box>
        {choice === 'form' ? <CardRegisterForm card={card} kind={plan.kind} smsSentTo={smsSentTo} resendAfter={resendAfter} runStep={runStep} onDone={done} /> : null}
      </>
    );
  }

  return (
    <PageShell section={t('cardReg.title')} maxWidth={1040}>
      <Paper variant="outlined" sx={{ px: { xs: 2, md: 5 }, py: 4, maxWidth: 960, mx: 'auto' }}>
        <Typography component="h1" sx={{ fontSize: 21, fontWeight: 600, mb: 3, textAlign: 'center' }}>
          {t('cardReg.title')}
        </Typography>
        {body}
      </Paper>
    </PageShell>
  );
}
