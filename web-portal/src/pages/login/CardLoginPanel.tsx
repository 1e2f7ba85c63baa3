// L3 card login: the card signs a challenge (purpose 'login') and the cardLogin flow decides by the
// card-login rules (R6): logged in → /account; rule 2 → the takeover question; no account yet →
// the card registration page (R6 automatic / R7 form).
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { isApiError } from '../../api/client';
import { flowsApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import type { CardLoginPlan, CardProof, FlowResult } from '../../api/types';
import { CardPinPanel, cardProblem } from '../../cardAgent';
import { useLanguage } from '../../i18n';
import { TakeoverDialog } from './TakeoverDialog';

export function CardLoginPanel({ from }: { from?: string }) {
  const { t, lang } = useLanguage();
  const navigate = useNavigate();
  const [flowId, setFlowId] = useState<string | null>(null);
  const [cardAlert, setCardAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [takeover, setTakeover] = useState<{ flowId: string; adminUsername: string } | null>(null);
  // Kept while the dialog fades out, so its text does not change under the user's eyes.
  const [takeoverOpen, setTakeoverOpen] = useState(false);
  const [takeoverBusy, setTakeoverBusy] = useState(false);
  const [takeoverError, setTakeoverError] = useState<string | null>(null);

  const afterLogin = () => navigate(from && from !== '/login' ? from : '/account', { replace: true });

  const follow = (f: FlowResult) => {
    if (f.status === 'completed') {
      setFlowId(null);
      if (f.account) afterLogin();
      else if (f.data.declined) setNotice(t('login.cardDeclined'));
      return;
    }
    if (f.status === 'expired') {
      setFlowId(null);
      setCardAlert(t('login.cardRetry'));
      return;
    }
    const plan = (f.data.plan ?? null) as CardLoginPlan | null;
    if (f.step === 'confirmTakeover') {
      setTakeoverError(null);
      setTakeover({ flowId: f.flowId, adminUsername: plan && 'adminUsername' in plan ? plan.adminUsername : '' });
      setTakeoverOpen(true);
    } else if (f.step === 'register') {
      navigate(`/card-register/${encodeURIComponent(f.flowId)}`);
    }
  };

  const present = async (proof: CardProof) => {
    setNotice(null);
    setCardAlert(null);
    try {
      // One flow per card presentation; a flow still waiting at `present` (the API refused the
      // previous proof) takes the next one.
      let id = flowId;
      if (!id) {
        id = (await flowsApi.start('cardLogin')).flowId;
        setFlowId(id);
      }
      follow(await flowsApi.step(id, 'present', { ...proof }));
    } catch (err) {
      const problem = cardProblem(err, lang);
      if (problem) setCardAlert(problem);
      else if (isApiError(err) && [404, 409, 410].includes(err.status)) {
        setFlowId(null);
        setCardAlert(t('login.cardRetry'));
      } else setCardAlert(describeError(err, t));
      throw err;
    }
  };

  const answerTakeover = async (confirm: boolean) => {
    if (!takeover || !takeoverOpen) return;
    setTakeoverBusy(true);
    setTakeoverError(null);
    try {
      const f = await flowsApi.step(takeover.flowId, 'confirmTakeover', { confirm });
      setTakeoverOpen(false);
      follow(f);
    } catch (err) {
      if (isApiError(err) && [404, 409, 410].includes(err.status)) {
        setTakeoverOpen(false);
        setFlowId(null);
        setCardAlert(t('login.cardRetry'));
      } else setTakeoverError(cardProblem(err, lang) ?? describeError(err, t));
    } finally {
      setTakeoverBusy(false);
    }
  };

  return (
    <Box data-testid="card-login">
      {notice ? (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="card-login-notice" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      <CardPinPanel
        purpose="login"
        intro={t('login.cardIntro')}
        alert={cardAlert}
        onClearAlert={() => setCardAlert(null)}
        onProof={present}
        submitLabel={t('login.submit')}
        fullWidthButton
        idPrefix="login-card"
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2, fontSize: 12.5 }}>
        ⓘ {t('login.cardTip')}
      </Typography>
      <TakeoverDialog
        open={takeoverOpen}
        adminUsername={takeover?.adminUsername ?? ''}
        busy={takeoverBusy}
        error={takeoverError}
        onConfirm={() => void answerTakeover(true)}
        onCancel={() => void answerTakeover(false)}
      />
    </Box>
  );
}
