// 操作员账号验证: the masked mobile, image captcha + 获取验证码, SMS code, 确认.
import { useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { isApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import type { FlowState } from '../../api/types';
import { CaptchaField } from '../../components/CaptchaField';
import { FormField } from '../../components/FormField';
import { CodeSentNote, SmsCodeButton } from '../../components/SmsCodeButton';
import { focusFirstProblem } from '../../forms/focus';
import { useForm } from '../../forms/useForm';
import { useT } from '../../i18n';

const EMPTY = { captcha: '', smsCode: '' };
type Values = typeof EMPTY;

function validate(v: Values): Record<string, string> {
  const s = v.smsCode.trim();
  return s === '' ? { smsCode: 'required' } : /^\d{6}$/.test(s) ? {} : { smsCode: 'sms.format' };
}

const isGone = (e: unknown) => isApiError(e) && (e.status === 404 || e.status === 410);

export function SmsCheckPanel({ flow, runStep }: { flow: FlowState; runStep: (step: string, fields: Record<string, unknown>) => Promise<FlowState> }) {
  const t = useT();
  const form = useForm<Values>(EMPTY, validate);
  const [captchaId, setCaptchaId] = useState('');
  const [captchaKey, setCaptchaKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const mobile = typeof flow.data.mobile === 'string' ? flow.data.mobile : '';
  const sentTo = typeof flow.data.smsSentTo === 'string' ? flow.data.smsSentTo : null;

  const problemsFrom = (err: unknown) => {
    if (isApiError(err) && err.hasFields) {
      form.setServerProblems(err.fields);
      window.setTimeout(() => focusFirstProblem(formRef.current, Object.keys(err.fields)), 0);
    } else if (isApiError(err) && err.status === 429) form.setProblem('smsCode', err.code, err.message);
    else if (!isGone(err)) setAlert(describeError(err, t));
  };

  const send = async (): Promise<string | null | false> => {
    setAlert(null);
    if (!form.values.captcha.trim()) {
      form.setProblem('captcha', 'required');
      focusFirstProblem(formRef.current, ['captcha']);
      return false;
    }
    try {
      const f = await runStep('sendSmsCode', { captchaId, captcha: form.values.captcha.trim() });
      form.clearProblem('smsCode');
      return typeof f.data.resendAfter === 'string' ? f.data.resendAfter : null;
    } catch (err) {
      problemsFrom(err);
      return false;
    } finally {
      setCaptchaKey((k) => k + 1);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setAlert(null);
    if (!form.validateAll()) {
      focusFirstProblem(formRef.current, form.problemFields());
      return;
    }
    setBusy(true);
    try {
      await runStep('smsCheck', { smsCode: form.values.smsCode.trim() });
    } catch (err) {
      problemsFrom(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="form" ref={formRef} noValidate onSubmit={submit} aria-label={t('first.verifyTitle')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 3, textAlign: 'center' }}>
        {t('first.verifyText')}
      </Typography>
      {alert ? (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="form-alert">
          {alert}
        </Alert>
      ) : null}
      <FormField name="mobile" label={t('first.mobile')} value={mobile} onChange={() => undefined} readOnly />
      <CaptchaField
        value={form.values.captcha}
        onChange={(v) => form.set('captcha', v)}
        onReset={() => form.setQuiet('captcha', '')}
        error={form.error('captcha')}
        onCaptchaId={setCaptchaId}
        reloadKey={captchaKey}
        autoFocus
      />
      <FormField
        name="smsCode"
        label={t('sms.label')}
        required
        value={form.values.smsCode}
        onChange={(v) => form.set('smsCode', v)}
        onBlur={() => form.blur('smsCode')}
        error={form.error('smsCode')}
        placeholder={t('sms.placeholder')}
        inputMode="numeric"
        maxLength={6}
        autoComplete="one-time-code"
        hint={<CodeSentNote to={sentTo} />}
        adornment={<SmsCodeButton onSend={send} resendAfter={flow.data.resendAfter as string | null | undefined} />}
      />
      <Box sx={{ display: 'flex', justifyContent: 'center', mt: 3 }}>
        <Button type="submit" variant="contained" size="large" disabled={busy} sx={{ minWidth: 180 }} data-testid="sms-confirm">
          {t('first.confirm')}
        </Button>
      </Box>
    </Box>
  );
}
