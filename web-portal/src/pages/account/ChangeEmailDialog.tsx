// A3 修改邮箱 (flow changeEmail): the new address, a code sent to it, 保存.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import { validateEmail } from '../../../../domain';
import { isApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { CaptchaField } from '../../components/CaptchaField';
import { FormField } from '../../components/FormField';
import { CodeSentNote, SmsCodeButton } from '../../components/SmsCodeButton';
import { sendCodeWithCaptcha } from '../../forms/sendCode';
import { useForm } from '../../forms/useForm';
import { useT } from '../../i18n';
import { checkLocally, FormDialog, showSaveError } from './FormDialog';
import { useAccountFlow } from './useAccountFlow';

const EMPTY = { email: '', captcha: '', emailCode: '' };
type Values = typeof EMPTY;

function validate(v: Values): Record<string, string> {
  const e: Record<string, string> = {};
  const email = validateEmail(v.email);
  if (email) e.email = email;
  const code = v.emailCode.trim();
  if (!code) e.emailCode = 'required';
  else if (!/^\d{6}$/.test(code)) e.emailCode = 'emailCode.format';
  return e;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function ChangeEmailDialog({ open, onClose, onDone }: Props) {
  const t = useT();
  const form = useForm<Values>(EMPTY, validate);
  const { flow, step, startError, restarted } = useAccountFlow('changeEmail', open);
  const [captchaId, setCaptchaId] = useState('');
  const [captchaKey, setCaptchaKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!open) return;
    form.reset(EMPTY);
    setAlert(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const data = (flow?.data ?? {}) as { currentEmail?: string | null; emailSentTo?: string | null; emailResendAfter?: string | null };

  const sendCode = (): Promise<string | null | false> => {
    setAlert(null);
    return sendCodeWithCaptcha(
      {
        form, formEl: formRef.current, captcha: form.values.captcha, captchaId, runStep: step,
        showServerProblems: (err) => {
          if (!isApiError(err) || !err.hasFields) return false;
          showSaveError(err, form, formRef, setAlert, t);
          return true;
        },
        showAlert: (err) => setAlert(describeError(err, t)),
        refreshCaptcha: () => setCaptchaKey((k) => k + 1),
      },
      { step: 'sendEmailCode', field: 'email', value: form.values.email, error: validateEmail(form.values.email), codeField: 'emailCode', resendKey: 'emailResendAfter' },
    );
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (busy) return;
    setAlert(null);
    if (!checkLocally(form, formRef)) return;
    setBusy(true);
    try {
      const f = await step('confirm', { email: form.values.email.trim(), emailCode: form.values.emailCode.trim() });
      if (f.status === 'completed') onDone(t('ac.emailDone', { email: String(f.data.email ?? '') }));
    } catch (err) {
      if (isApiError(err) && (err.status === 404 || err.status === 410)) setAlert(t('ac.flowRestarted'));
      else showSaveError(err, form, formRef, setAlert, t);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof Values) => ({
    name,
    value: form.values[name],
    onChange: (value: string) => form.set(name, value),
    onBlur: () => form.blur(name),
    error: form.error(name),
    required: true,
    dense: true,
    idPrefix: 'chemail',
  });

  return (
    <FormDialog
      open={open}
      title={t('ac.emailTitle')}
      testId="email-dialog"
      busy={busy}
      alert={alert ?? (startError ? describeError(startError, t) : null)}
      onClose={onClose}
      onSubmit={submit}
      formRef={formRef}
      submitDisabled={!flow}
      notice={restarted && !alert ? <Alert severity="info" sx={{ mb: 2 }}>{t('ac.flowRestarted')}</Alert> : null}
    >
      <FormField name="current" label={t('ac.currentEmail')} value={data.currentEmail ?? t('common.none')} onChange={() => undefined} readOnly dense idPrefix="chemail" />
      <FormField {...field('email')} label={t('ac.newEmail')} type="email" inputMode="email" maxLength={254} autoFocus autoComplete="email" />
      <CaptchaField
        value={form.values.captcha}
        onChange={(v) => form.set('captcha', v)}
        onReset={() => form.setQuiet('captcha', '')}
        onBlur={() => form.blur('captcha')}
        error={form.error('captcha')}
        onCaptchaId={setCaptchaId}
        reloadKey={captchaKey}
        dense
        idPrefix="chemail"
        required={false}
      />
      <FormField
        {...field('emailCode')}
        label={t('ac.emailCode')}
        inputMode="numeric"
        maxLength={6}
        autoComplete="one-time-code"
        hint={<CodeSentNote to={data.emailSentTo} email />}
        adornment={<SmsCodeButton onSend={sendCode} resendAfter={data.emailResendAfter} disabled={!flow} testId="chemail-send" labels={{ send: t('mail.send'), resend: t('mail.resend') }} />}
      />
    </FormDialog>
  );
}
