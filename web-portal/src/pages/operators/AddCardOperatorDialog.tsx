// O3 新增有卡操作员: step 1 the operator inserts the card and enters its PIN (checked by the
// agent, not signed yet); step 2 the administrator fills in username, mobile and e-mail. Only the
// submit signs a fresh challenge (a proof is single use), so every retry gets a new one.
import { useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { validateEmail, validateMobile, validateUsername } from '../../../../domain';
import { isApiError } from '../../api/client';
import { operatorsApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import type { Operator } from '../../api/types';
import { CardPinPanel, cardProblem, cardTypeLabel, createCardProof, describeAgentError, isCardAgentError, type VerifiedCard } from '../../cardAgent';
import { FormField } from '../../components/FormField';
import { focusFirstProblem } from '../../forms/focus';
import { useForm } from '../../forms/useForm';
import { useLanguage } from '../../i18n';

const EMPTY = { username: '', mobile: '', email: '' };
type Values = typeof EMPTY;

function validate(v: Values): Record<string, string> {
  const e: Record<string, string> = {};
  const put = (k: string, code: string | null) => {
    if (code) e[k] = code;
  };
  put('username', validateUsername('operator', v.username));
  put('mobile', validateMobile(v.mobile));
  put('email', validateEmail(v.email, false));
  return e;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (op: Operator) => void;
}

export function AddCardOperatorDialog({ open, onClose, onCreated }: Props) {
  const { t, lang } = useLanguage();
  const form = useForm<Values>(EMPTY, validate);
  const [verified, setVerified] = useState<VerifiedCard | null>(null);
  const [cardAlert, setCardAlert] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const close = () => {
    form.reset();
    setVerified(null);
    setCardAlert(null);
    setAlert(null);
    onClose();
  };

  /** Back to step 1 (the card must be presented again), with the reason above the card. */
  const backToCard = (reason: string | null) => {
    setVerified(null);
    setAlert(null);
    setCardAlert(reason);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !verified) return;
    setAlert(null);
    if (!form.validateAll()) {
      focusFirstProblem(formRef.current, form.problemFields());
      return;
    }
    setBusy(true);
    try {
      const proof = await createCardProof('addOperator', verified.readerId, verified.pin, verified.card.cardNo);
      const v = form.values;
      const op = await operatorsApi.createWithCard({
        ...proof,
        username: v.username,
        mobile: v.mobile.trim(),
        ...(v.email.trim() ? { email: v.email.trim() } : {}),
      });
      form.reset();
      setVerified(null);
      onCreated(op);
    } catch (err) {
      if (isCardAgentError(err)) {
        // Card removed or swapped, PIN no longer right…: present the card again.
        backToCard(describeAgentError(err, t));
      } else if (isApiError(err) && err.hasFields) {
        const { card, ...rest } = err.fields;
        if (card) setAlert(cardProblem(err, lang));
        form.setServerProblems(rest);
        window.setTimeout(() => focusFirstProblem(formRef.current, Object.keys(rest)), 0);
      } else setAlert(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof Values) => ({
    name,
    value: form.values[name],
    onChange: (v: string) => form.set(name, v),
    onBlur: () => form.blur(name),
    error: form.error(name),
    required: true,
    dense: true,
    idPrefix: 'opcard',
  });
  const fixed = (name: string, label: string, value: string) => (
    <FormField name={name} label={label} value={value} onChange={() => undefined} readOnly dense idPrefix="opcard" />
  );

  const step = verified ? 1 : 0;

  return (
    <Dialog open={open} onClose={close} maxWidth="sm" fullWidth aria-labelledby="opcard-title" data-testid="add-operator-card-dialog">
      <DialogTitle id="opcard-title">{t('ops.cardDialogTitle')}</DialogTitle>
      <DialogContent dividers>
        <Stepper activeStep={step} sx={{ mb: 3 }}>
          <Step>
            <StepLabel>{t('ops.cardStepInsert')}</StepLabel>
          </Step>
          <Step>
            <StepLabel>{t('ops.cardStepForm')}</StepLabel>
          </Step>
        </Stepper>
        {!verified ? (
          open ? (
            <CardPinPanel
              purpose="addOperator"
              mode="verify"
              intro={<Box component="span" sx={{ color: 'text.primary', fontWeight: 500 }}>{t('ops.cardInsertIntro')}</Box>}
              alert={cardAlert}
              onClearAlert={() => setCardAlert(null)}
              onVerified={(v) => {
                setCardAlert(null);
                setVerified(v);
              }}
              submitLabel={t('ops.cardNext')}
              expectType="operator"
              wrongTypeText={t('ops.cardNotOperator')}
              idPrefix="opcard"
            />
          ) : null
        ) : (
          <Box component="form" ref={formRef} noValidate onSubmit={submit} id="opcard-form" aria-label={t('ops.cardFormTitle')}>
            {alert ? (
              <Alert severity="error" sx={{ mb: 2 }} data-testid="form-alert">
                {alert}
              </Alert>
            ) : null}
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              ⓘ {t('ops.cardFromCard')}
            </Typography>
            {fixed('cardNo', t('ops.cardNo'), `${verified.card.cardNo}（${cardTypeLabel(verified.card.cardType, t)}）`)}
            {fixed('name', t('ops.cardHolder'), verified.card.holderName)}
            {fixed('enterpriseName', t('ops.cardEnterprise'), verified.card.enterpriseName)}
            <FormField {...field('username')} label={t('ops.username')} hint={t('ops.usernameHint')} maxLength={18} autoComplete="off" autoFocus />
            <FormField {...field('mobile')} type="tel" label={t('ops.mobile')} inputMode="tel" maxLength={11} autoComplete="off" />
            <FormField {...field('email')} required={false} type="email" label={t('ops.email')} inputMode="email" autoComplete="off" />
            <Alert severity="info" sx={{ mt: 1 }}>
              {t('ops.defaultPassword')}
            </Alert>
          </Box>
        )}
      </DialogContent>
      <DialogActions sx={{ justifyContent: 'center', py: 2 }}>
        {verified ? (
          <>
            <Button variant="outlined" onClick={() => backToCard(null)} disabled={busy} sx={{ minWidth: 100 }} data-testid="operator-card-back">
              {t('common.back')}
            </Button>
            <Button type="submit" form="opcard-form" variant="contained" disabled={busy} sx={{ minWidth: 100 }} data-testid="save-operator-card">
              {t('ops.cardSubmit')}
            </Button>
          </>
        ) : null}
        <Button variant="outlined" onClick={close} disabled={busy} sx={{ minWidth: 100 }} data-testid="cancel-operator-card">
          {t('common.cancel')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
