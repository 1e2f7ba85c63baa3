// R4: 个人用户账号注册. A resident ID needs the mobile and an SMS code; a foreign document
// (passport, Taiwan / HK-Macao permits, foreign permanent residence ID) makes the mobile optional
// and verifies the e-mail address with a code instead ("如无境内手机号 … 邮箱 进行验证").
import { useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormHelperText from '@mui/material/FormHelperText';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { chinaToday, validateEmail, validateIndividualAccount, validateMobile, validatePasswordPair, verifiesByEmail } from '../../../../domain';
import { isApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { CaptchaField } from '../../components/CaptchaField';
import { FormField } from '../../components/FormField';
import { DEFAULT_ID_TYPE, idTypeOptions } from '../../components/idTypes';
import { PageShell } from '../../components/PageShell';
import { SectionTitle } from '../../components/SectionTitle';
import { CodeSentNote, SmsCodeButton } from '../../components/SmsCodeButton';
import { focusFirstProblem } from '../../forms/focus';
import { sendCodeWithCaptcha, type SendCodeContext } from '../../forms/sendCode';
import { useForm } from '../../forms/useForm';
import { useLanguage } from '../../i18n';
import { AgreementDialog } from '../registration/AgreementDialog';
import { DoneStep } from '../registration/DoneStep';
import { flowPhaseView } from '../registration/FlowPhaseView';
import { useRegistrationFlow } from '../registration/useRegistrationFlow';

const EMPTY = {
  name: '',
  idType: DEFAULT_ID_TYPE as string,
  idNumber: '',
  idValidFrom: '',
  idValidTo: '',
  username: '',
  password: '',
  confirmPassword: '',
  mobile: '',
  captcha: '',
  smsCode: '',
  email: '',
  emailCode: '',
  agreement: false as boolean,
};
type Values = typeof EMPTY;

const validate = (v: Values) => ({
  ...validateIndividualAccount(v, chinaToday()),
  ...validatePasswordPair(v.password, v.confirmPassword),
});

export function IndividualRegistrationPage() {
  const { t, lang } = useLanguage();
  const { flow, phase, failure, runStep, restart } = useRegistrationFlow('individualRegistration');
  const form = useForm<Values>(EMPTY, validate);
  const { values } = form;
  const [captchaId, setCaptchaId] = useState('');
  const [captchaKey, setCaptchaKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [agreementOpen, setAgreementOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const byEmail = verifiesByEmail(values.idType);
  const isResident = values.idType === 'resident';
  const smsSentTo = typeof flow?.data.smsSentTo === 'string' ? flow.data.smsSentTo : null;
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

  /** Sends an SMS or e-mail code; the image captcha is spent either way. */
  const sendCode = (step: 'sendSmsCode' | 'sendEmailCode'): Promise<string | null | false> => {
    setAlert(null);
    return sendCodeWithCaptcha(
      codeContext(),
      step === 'sendSmsCode'
        ? { step, field: 'mobile', value: values.mobile, error: validateMobile(values.mobile), codeField: 'smsCode', resendKey: 'resendAfter' }
        : { step, field: 'email', value: values.email, error: validateEmail(values.email), codeField: 'emailCode', resendKey: 'emailResendAfter' },
    );
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
      await runStep('account', {
        name: values.name.trim(),
        idType: values.idType,
        idNumber: values.idNumber.trim(),
        idValidFrom: isResident ? values.idValidFrom.trim() : '',
        idValidTo: isResident ? values.idValidTo.trim() : '',
        username: values.username,
        password: values.password,
        confirmPassword: values.confirmPassword,
        mobile: values.mobile.trim(),
        smsCode: values.smsCode.trim(),
        email: values.email.trim(),
        emailCode: byEmail ? values.emailCode.trim() : '',
        agreement: values.agreement,
      });
    } catch (err) {
      if (showServerProblems(err)) setAlert(isApiError(err) ? err.message : null);
      else if (!(isApiError(err) && (err.status === 404 || err.status === 410))) setAlert(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Exclude<keyof Values, 'agreement'>, required = true) => ({
    name,
    value: values[name],
    onChange: (v: string) => form.set(name, v),
    onBlur: () => form.blur(name),
    error: form.error(name),
    required,
  });

  const agreementError = form.error('agreement');
  const waiting = flowPhaseView(t, { phase, flow, failure, restart });

  let body;
  if (waiting) body = waiting;
  else if (flow?.status === 'completed') {
    const username = typeof flow.data.username === 'string' ? flow.data.username : '';
    body = <DoneStep username={username} text={t('reg.doneTextAccount', { username })} />;
  } else {
    body = (
      <Box component="form" ref={formRef} noValidate onSubmit={submit} aria-label={t('ind.title')}>
        {alert ? (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="form-alert">
            {alert}
          </Alert>
        ) : null}
        <SectionTitle>{t('ind.person')}</SectionTitle>
        <FormField {...field('name')} label={t('ind.name')} autoComplete="name" autoFocus />
        <FormField {...field('idType')} label={t('ind.idType')} options={idTypeOptions(lang)} />
        <FormField {...field('idNumber')} label={t('ind.idNumber')} hint={t('reg.idNumberHint')} maxLength={30} autoComplete="off" />
        {isResident ? (
          <>
            <FormField {...field('idValidFrom')} label={t('ind.idValidFrom')} hint={t('common.dateHint')} placeholder="YYYYMMDD" inputMode="numeric" maxLength={8} autoComplete="off" />
            <FormField {...field('idValidTo')} label={t('ind.idValidTo')} hint={t('common.dateEndHint')} placeholder="YYYYMMDD" inputMode="numeric" maxLength={8} autoComplete="off" />
          </>
        ) : null}

        <Box sx={{ mt: 3 }}>
          <SectionTitle>{t('ind.account')}</SectionTitle>
        </Box>
        <FormField {...field('username')} label={t('reg.username')} hint={t('ind.usernameHint')} maxLength={18} autoComplete="username" />
        <FormField {...field('password')} type="password" label={t('reg.password')} hint={t('reg.passwordHint')} maxLength={16} autoComplete="new-password" />
        <FormField {...field('confirmPassword')} type="password" label={t('reg.confirmPassword')} hint={t('reg.confirmPasswordHint')} maxLength={16} autoComplete="new-password" />
        <FormField
          {...field('mobile', !byEmail)}
          type="tel"
          label={t('ind.mobile')}
          hint={byEmail ? <Box component="span" data-testid="no-mobile-hint">{t('ind.noMobile')}</Box> : t('reg.mobileHint')}
          inputMode="tel"
          maxLength={11}
          autoComplete="tel"
        />
        <CaptchaField
          value={values.captcha}
          onChange={(v) => form.set('captcha', v)}
          onReset={() => form.setQuiet('captcha', '')}
          onBlur={() => form.blur('captcha')}
          error={form.error('captcha')}
          onCaptchaId={setCaptchaId}
          reloadKey={captchaKey}
        />
        <FormField
          {...field('smsCode', !byEmail || values.mobile.trim() !== '')}
          label={t('sms.label')}
          placeholder={t('sms.placeholder')}
          inputMode="numeric"
          maxLength={6}
          autoComplete="one-time-code"
          hint={<CodeSentNote to={smsSentTo} />}
          adornment={<SmsCodeButton onSend={() => sendCode('sendSmsCode')} resendAfter={flow?.data.resendAfter as string | null | undefined} />}
        />
        <FormField {...field('email')} type="email" label={t('ind.email')} hint={t('ind.emailHint')} inputMode="email" autoComplete="email" />
        {byEmail ? (
          <FormField
            {...field('emailCode')}
            label={t('ind.emailCode')}
            placeholder={t('mail.placeholder')}
            inputMode="numeric"
            maxLength={6}
            autoComplete="one-time-code"
            hint={<CodeSentNote to={emailSentTo} email />}
            adornment={<SmsCodeButton onSend={() => sendCode('sendEmailCode')} resendAfter={flow?.data.emailResendAfter as string | null | undefined} testId="send-email-code" labels={{ send: t('mail.send'), resend: t('mail.resend') }} />}
          />
        ) : null}

        <Box sx={{ pl: { md: '246px' }, mb: 3 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap' }}>
            <Checkbox
              id="f-agreement"
              name="agreement"
              checked={values.agreement}
              onChange={(e) => form.set('agreement', e.target.checked)}
              sx={{ pl: 0, color: agreementError ? 'error.main' : undefined }}
              slotProps={{ input: { 'aria-describedby': agreementError ? 'f-agreement-error' : undefined } as object }}
            />
            <Typography component="label" htmlFor="f-agreement" variant="body2" sx={{ cursor: 'pointer' }}>
              {t('reg.agreePrefix')}
            </Typography>
            <Link component="button" type="button" variant="body2" onClick={() => setAgreementOpen(true)} data-testid="open-agreement" sx={{ ml: 0.25 }}>
              {t('ind.agreementName')}
            </Link>
          </Box>
          {agreementError ? (
            <FormHelperText error id="f-agreement-error" role="alert" sx={{ mt: 0 }}>
              {agreementError}
            </FormHelperText>
          ) : null}
        </Box>

        <Box sx={{ display: 'flex', justifyContent: 'center', gap: 2 }}>
          <Button component={RouterLink} to="/register" variant="outlined" size="large" sx={{ minWidth: 120 }} data-testid="back">
            {t('common.back')}
          </Button>
          <Button type="submit" variant="contained" size="large" disabled={busy} sx={{ minWidth: 200 }} data-testid="submit-registration">
            {t('ind.submit')}
          </Button>
        </Box>

        <AgreementDialog
          open={agreementOpen}
          onClose={() => setAgreementOpen(false)}
          onAccept={() => {
            form.set('agreement', true);
            setAgreementOpen(false);
          }}
        />
      </Box>
    );
  }

  return (
    <PageShell section={t('ind.section')}>
      <Paper variant="outlined" sx={{ px: { xs: 2, md: 5 }, py: 4 }}>
        <Box sx={{ display: 'flex', alignItems: 'baseline', mb: 3 }}>
          <Typography component="h1" sx={{ fontSize: 22, fontWeight: 600 }}>
            {t('ind.title')}
          </Typography>
          <Box sx={{ flex: 1 }} />
          <Typography variant="body2" color="text.secondary">
            {t('reg.haveAccount')}{' '}
            <Link component={RouterLink} to="/login">
              {t('login.submit')}
            </Link>
          </Typography>
        </Box>
        {body}
      </Paper>
    </PageShell>
  );
}
