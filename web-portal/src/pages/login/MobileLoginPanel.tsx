// L4 手机号登录: mobile, image captcha, SMS code (flow mobileLogin). Only accounts that turned
// mobile login on in 账户设置 get a code; the answers never say whether the mobile has one.
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { validateMobile } from '../../../../domain';
import { api, isApiError } from '../../api/client';
import { flowsApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import type { FlowResult, FlowState } from '../../api/types';
import { CaptchaImage } from '../../components/CaptchaImage';
import { CodeSentNote, SmsCodeButton } from '../../components/SmsCodeButton';
import { focusFirstProblem } from '../../forms/focus';
import { useForm } from '../../forms/useForm';
import { useT } from '../../i18n';

const EMPTY = { mobile: '', captcha: '', smsCode: '' };
type Values = typeof EMPTY;

function validate(v: Values): Record<string, string> {
  const e: Record<string, string> = {};
  const m = validateMobile(v.mobile);
  if (m) e.mobile = m;
  const code = v.smsCode.trim();
  if (!code) e.smsCode = 'required';
  else if (!/^\d{6}$/.test(code)) e.smsCode = 'sms.format';
  return e;
}

export function MobileLoginPanel({ from }: { from?: string }) {
  const t = useT();
  const navigate = useNavigate();
  const form = useForm<Values>(EMPTY, validate);
  const [flowId, setFlowId] = useState<string | null>(null);
  const [captchaId, setCaptchaId] = useState('');
  const [captchaKey, setCaptchaKey] = useState(0);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  /** The flow of this page; a new one when the old one expired or ended. */
  const ensureFlow = async (fresh = false): Promise<string> => {
    if (flowId && !fresh) return flowId;
    const f = await api.post<FlowState>('/api/flows', { type: 'mobileLogin' });
    setFlowId(f.flowId);
    return f.flowId;
  };

  const showError = (err: unknown) => {
    if (isApiError(err) && err.hasFields) {
      form.setServerProblems(err.fields);
      window.setTimeout(() => focusFirstProblem(formRef.current, Object.keys(err.fields)), 0);
    } else setAlert(describeError(err, t));
  };

  const sendSms = async (): Promise<string | null | false> => {
    setAlert(null);
    const mobileErr = validateMobile(form.values.mobile);
    if (mobileErr) form.setProblem('mobile', mobileErr);
    if (!form.values.captcha.trim()) form.setProblem('captcha', 'required');
    if (mobileErr || !form.values.captcha.trim()) {
      focusFirstProblem(formRef.current, [mobileErr ? 'mobile' : 'captcha']);
      return false;
    }
    const fields = { mobile: form.values.mobile.trim(), captchaId, captcha: form.values.captcha.trim() };
    try {
      let f: FlowState;
      try {
        f = await flowsApi.step(await ensureFlow(), 'sendSmsCode', fields);
      } catch (err) {
        // An expired or finished flow: one new flow, the same captcha answer (not yet used by it).
        if (!(isApiError(err) && (err.status === 404 || err.status === 410))) throw err;
        f = await flowsApi.step(await ensureFlow(true), 'sendSmsCode', fields);
      }
      setSentTo((f.data.smsSentTo as string | null) ?? null);
      return (f.data.resendAfter as string | null) ?? null;
    } catch (err) {
      showError(err);
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
    if (!flowId) {
      form.setProblem('smsCode', 'sms.notSent');
      return;
    }
    setBusy(true);
    try {
      const f: FlowResult = await flowsApi.step(flowId, 'login', { mobile: form.values.mobile.trim(), smsCode: form.values.smsCode.trim() });
      if (f.status === 'completed' && f.account) {
        navigate(from && from !== '/login' ? from : '/account', { replace: true });
        return;
      }
    } catch (err) {
      if (isApiError(err) && (err.status === 404 || err.status === 410)) {
        setFlowId(null);
        setSentTo(null);
        setAlert(t('ac.flowRestarted'));
      } else showError(err);
    } finally {
      setBusy(false);
    }
  };

  const text = (name: keyof Values) => ({
    id: `mlogin-${name}`,
    name,
    value: form.values[name],
    onChange: (e: { target: { value: string } }) => form.set(name, e.target.value),
    onBlur: () => form.blur(name),
    error: Boolean(form.error(name)),
    helperText: form.error(name),
    fullWidth: true,
  });

  return (
    <Box component="form" role="tabpanel" id="login-panel-mobile" aria-labelledby="login-tab-mobile" ref={formRef} noValidate onSubmit={submit} sx={{ display: 'grid', gap: 2.25 }}>
      {alert ? (
        <Alert severity="error" data-testid="mobile-login-error">
          {alert}
        </Alert>
      ) : null}
      <TextField {...text('mobile')} required type="tel" label={t('login.mobile')} placeholder={t('login.mobilePlaceholder')} autoComplete="tel" slotProps={{ htmlInput: { maxLength: 11, inputMode: 'tel' } }} autoFocus />
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <TextField {...text('captcha')} required label={t('login.captcha')} autoComplete="off" slotProps={{ htmlInput: { maxLength: 8 } }} />
        <CaptchaImage reloadKey={captchaKey} onCaptchaId={setCaptchaId} onReload={() => form.setQuiet('captcha', '')} height={56} />
      </Box>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <TextField
          {...text('smsCode')}
          required
          label={t('login.smsCode')}
          autoComplete="one-time-code"
          slotProps={{ htmlInput: { maxLength: 6, inputMode: 'numeric' } }}
        />
        <Box sx={{ pt: '8px' }}>
          <SmsCodeButton onSend={sendSms} testId="mobile-login-send" />
        </Box>
      </Box>
      {sentTo ? (
        <Typography variant="body2">
          {/* The same words whether or not the mobile has an account with mobile login on. */}
          <CodeSentNote to={sentTo} text={t('login.mobileSent', { mobile: sentTo })} testId="mobile-login-sent" />
        </Typography>
      ) : null}
      <Button type="submit" variant="contained" size="large" disabled={busy} data-testid="mobile-login-submit" sx={{ py: 1.25, fontSize: 16 }}>
        {t('login.mobileSubmit')}
      </Button>
      <Typography variant="body2" color="text.secondary">
        ⓘ {t('login.mobileTip')}
      </Typography>
    </Box>
  );
}
