// R5: 国外及港澳台地区企业注册 / Sign up for an Overseas or HK & MAC & TW Regions of China Account.
// The page has its own "EN 中" switch at the top right (000 §1.5); the API client sends the chosen
// language, so the server's field messages come back in it too.
import { useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import { validateEmail, validateOverseasAccount, validatePasswordPair } from '../../../../domain';
import { isApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { CaptchaField } from '../../components/CaptchaField';
import { FormField } from '../../components/FormField';
import { PageShell } from '../../components/PageShell';
import { CodeSentNote, SmsCodeButton } from '../../components/SmsCodeButton';
import { focusFirstProblem } from '../../forms/focus';
import { sendCodeWithCaptcha, type SendCodeContext } from '../../forms/sendCode';
import { useForm } from '../../forms/useForm';
import { useLanguage } from '../../i18n';
import { DoneStep } from '../registration/DoneStep';
import { flowPhaseView } from '../registration/FlowPhaseView';
import { useRegistrationFlow } from '../registration/useRegistrationFlow';
import { CountryField } from './CountryField';

const EMPTY = {
  username: '',
  password: '',
  confirmPassword: '',
  country: '',
  regNo: '',
  organization: '',
  department: '',
  jobTitle: '',
  contact: '',
  contactPhone: '',
  fax: '',
  mobile: '',
  address: '',
  email: '',
  captcha: '',
  emailCode: '',
  notes: '',
};
type Values = typeof EMPTY;

const validate = (v: Values) => ({ ...validateOverseasAccount(v), ...validatePasswordPair(v.password, v.confirmPassword) });

/** "EN 中" beside the heading, as on the manual's page. */
function PageLanguageSwitch() {
  const { lang, setLang } = useLanguage();
  const item = (value: 'en' | 'zh', text: string) => (
    <Button
      size="small"
      onClick={() => setLang(value)}
      aria-pressed={lang === value}
      data-testid={`os-lang-${value}`}
      variant={lang === value ? 'contained' : 'text'}
      sx={{ minWidth: 36, px: 1, py: 0.25, fontWeight: 600 }}
    >
      {text}
    </Button>
  );
  return (
    <Box role="group" aria-label="Language / 语言" sx={{ display: 'flex', gap: 0.5 }}>
      {item('en', 'EN')}
      {item('zh', '中')}
    </Box>
  );
}

export function OverseasRegistrationPage() {
  const { t, lang } = useLanguage();
  const { flow, phase, failure, runStep, restart } = useRegistrationFlow('overseasRegistration');
  const form = useForm<Values>(EMPTY, validate);
  const { values } = form;
  const [captchaId, setCaptchaId] = useState('');
  const [captchaKey, setCaptchaKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const emailSentTo = typeof flow?.data.emailSentTo === 'string' ? flow.data.emailSentTo : null;

  const showServerProblems = (err: unknown) => {
    if (isApiError(err) && err.hasFields) {
      form.setServerProblems(err.fields);
      window.setTimeout(() => focusFirstProblem(formRef.current, Object.keys(err.fields)), 0);
      return true;
    }
    return false;
  };

  const codeContext = (): SendCodeContext => ({
    form, formEl: formRef.current, captcha: values.captcha, captchaId, runStep, showServerProblems,
    showAlert: (err) => setAlert(describeError(err, t)), refreshCaptcha: () => setCaptchaKey((k) => k + 1),
  });

  const sendEmailCode = (): Promise<string | null | false> => {
    setAlert(null);
    return sendCodeWithCaptcha(codeContext(), { step: 'sendEmailCode', field: 'email', value: values.email, error: validateEmail(values.email), codeField: 'emailCode', resendKey: 'emailResendAfter' });
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
      const { captcha: _captcha, ...rest } = values;
      const fields = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, k === 'password' || k === 'confirmPassword' || k === 'username' ? v : v.trim()]));
      await runStep('account', fields);
    } catch (err) {
      if (showServerProblems(err)) setAlert(isApiError(err) ? err.message : null);
      else if (!(isApiError(err) && (err.status === 404 || err.status === 410))) setAlert(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof Values, required = false) => ({
    name,
    value: values[name],
    onChange: (v: string) => form.set(name, v),
    onBlur: () => form.blur(name),
    error: form.error(name),
    required,
  });

  const waiting = flowPhaseView(t, { phase, flow, failure, restart });
  let body;
  if (waiting) body = waiting;
  else if (flow?.status === 'completed') {
    const username = typeof flow.data.username === 'string' ? flow.data.username : '';
    body = <DoneStep username={username} text={t('os.doneText', { username })} />;
  } else {
    body = (
      <Box component="form" ref={formRef} noValidate onSubmit={submit} aria-label={t('os.title')}>
        {alert ? (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="form-alert">
            {alert}
          </Alert>
        ) : null}
        <FormField {...field('username', true)} label={t('os.username')} hint={t('os.usernameHint')} maxLength={18} autoComplete="username" autoFocus />
        <FormField {...field('password', true)} type="password" label={t('os.password')} hint={t('reg.passwordHint')} maxLength={16} autoComplete="new-password" />
        <FormField {...field('confirmPassword', true)} type="password" label={t('os.confirmPassword')} maxLength={16} autoComplete="new-password" />
        <CountryField
          value={values.country}
          onChange={(code) => form.set('country', code)}
          onBlur={() => form.blur('country')}
          label={t('os.country')}
          placeholder={t('os.countryPlaceholder')}
          noOptionsText={t('os.noCountry')}
          hint={t('os.countryHint')}
          error={form.error('country')}
          lang={lang}
          required
        />
        <FormField
          {...field('regNo')}
          label={
            <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
              {t('os.regNo')}
              <Tooltip title={t('os.regNoTip')}>
                <ErrorOutline sx={{ fontSize: 16, color: 'warning.main' }} aria-label={t('os.regNoTip')} />
              </Tooltip>
            </Box>
          }
          hint={t('os.regNoTip')}
          maxLength={60}
          autoComplete="off"
        />
        <FormField {...field('organization', true)} label={t('os.organization')} maxLength={200} autoComplete="organization" />
        <FormField {...field('department')} label={t('os.department')} maxLength={100} />
        <FormField {...field('jobTitle')} label={t('os.jobTitle')} maxLength={100} autoComplete="organization-title" />
        <FormField {...field('contact', true)} label={t('os.contact')} maxLength={100} autoComplete="name" />
        <FormField {...field('contactPhone', true)} type="tel" label={t('os.contactPhone')} maxLength={40} inputMode="tel" autoComplete="tel" />
        <FormField {...field('fax')} type="tel" label={t('os.fax')} maxLength={40} inputMode="tel" />
        <FormField {...field('mobile')} type="tel" label={t('os.mobile')} maxLength={40} inputMode="tel" autoComplete="tel" />
        <FormField {...field('address', true)} label={t('os.address')} maxLength={300} autoComplete="street-address" />
        <FormField {...field('email', true)} type="email" label={t('os.email')} inputMode="email" autoComplete="email" />
        <CaptchaField
          value={values.captcha}
          onChange={(v) => form.set('captcha', v)}
          onReset={() => form.setQuiet('captcha', '')}
          onBlur={() => form.blur('captcha')}
          error={form.error('captcha')}
          onCaptchaId={setCaptchaId}
          reloadKey={captchaKey}
          label={t('os.captcha')}
        />
        <FormField
          {...field('emailCode', true)}
          label={t('os.emailCode')}
          placeholder={t('mail.placeholder')}
          inputMode="numeric"
          maxLength={6}
          autoComplete="one-time-code"
          hint={<CodeSentNote to={emailSentTo} email />}
          adornment={<SmsCodeButton onSend={sendEmailCode} resendAfter={flow?.data.emailResendAfter as string | null | undefined} testId="send-email-code" labels={{ send: t('mail.send'), resend: t('mail.resend') }} />}
        />
        <FormField {...field('notes')} label={t('os.notes')} maxLength={500} />
        <Box sx={{ display: 'flex', justifyContent: 'center', gap: 2, mt: 3 }}>
          <Button component={RouterLink} to="/register" variant="outlined" size="large" sx={{ minWidth: 120 }} data-testid="back">
            {t('os.back')}
          </Button>
          <Button type="submit" variant="contained" size="large" disabled={busy} sx={{ minWidth: 200 }} data-testid="submit-registration">
            {t('os.submit')}
          </Button>
        </Box>
      </Box>
    );
  }

  return (
    <PageShell section={t('os.section')}>
      <Paper variant="outlined" sx={{ px: { xs: 2, md: 5 }, py: 4 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 3 }}>
          <Typography component="h1" sx={{ fontSize: 21, fontWeight: 600 }} data-testid="overseas-title">
            {t('os.title')}
          </Typography>
          <Box sx={{ flex: 1 }} />
          <PageLanguageSwitch />
        </Box>
        {body}
        {flow?.status === 'completed' ? null : (
          <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center', mt: 3 }}>
            {t('reg.haveAccount')}{' '}
            <Link component={RouterLink} to="/login">
              {t('login.submit')}
            </Link>
          </Typography>
        )}
      </Paper>
    </PageShell>
  );
}
