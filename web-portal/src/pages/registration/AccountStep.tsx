// Step 2 of R2: 管理员账号信息 (administrator account, image captcha, SMS code, agreement).
import { useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormHelperText from '@mui/material/FormHelperText';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { chinaToday, validateAdminAccount, validateMobile, validatePasswordPair } from '../../../../domain';
import { isApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import type { FlowState } from '../../api/types';
import { CaptchaField } from '../../components/CaptchaField';
import { FormField } from '../../components/FormField';
import { DEFAULT_ID_TYPE, idTypeOptions } from '../../components/idTypes';
import { CodeSentNote, SmsCodeButton } from '../../components/SmsCodeButton';
import { focusFirstProblem } from '../../forms/focus';
import { sendCodeWithCaptcha, type SendCodeContext } from '../../forms/sendCode';
import { useForm } from '../../forms/useForm';
import { useLanguage } from '../../i18n';
import { AgreementDialog } from './AgreementDialog';

const EMPTY = {
  username: '',
  password: '',
  confirmPassword: '',
  name: '',
  idType: DEFAULT_ID_TYPE as string,
  idNumber: '',
  email: '',
  mobile: '',
  captcha: '',
  smsCode: '',
  agreement: false as boolean,
};
type AccountValues = typeof EMPTY;

// The captcha is only needed to request the SMS code, so it is checked there, not here.
const validate = (v: AccountValues) => ({
  ...validateAdminAccount(v, chinaToday()),
  ...validatePasswordPair(v.password, v.confirmPassword),
});

interface AccountStepProps {
  flow: FlowState;
  runStep: (step: string, fields: Record<string, unknown>) => Promise<FlowState>;
}

export function AccountStep({ flow, runStep }: AccountStepProps) {
  const { t, lang } = useLanguage();
  const form = useForm<AccountValues>(EMPTY, validate);
  const { values } = form;
  const [captchaId, setCaptchaId] = useState('');
  const [captchaKey, setCaptchaKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [agreementOpen, setAgreementOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const smsSentTo = typeof flow.data.smsSentTo === 'string' ? flow.data.smsSentTo : null;
  const enterpriseName = pickEnterpriseName(flow.data);

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

  const sendSms = (): Promise<string | null | false> => {
    setAlert(null);
    return sendCodeWithCaptcha(codeContext(), { step: 'sendSmsCode', field: 'mobile', value: values.mobile, error: validateMobile(values.mobile), codeField: 'smsCode', resendKey: 'resendAfter' });
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
        username: values.username,
        password: values.password,
        confirmPassword: values.confirmPassword,
        name: values.name.trim(),
        idType: values.idType,
        idNumber: values.idNumber.trim(),
        email: values.email.trim(),
        mobile: values.mobile.trim(),
        smsCode: values.smsCode.trim(),
        agreement: values.agreement,
      });
    } catch (err) {
      if (showServerProblems(err)) setAlert(isApiError(err) ? err.message : null);
      else if (!(isApiError(err) && (err.status === 404 || err.status === 410))) setAlert(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Exclude<keyof AccountValues, 'agreement'>) => ({
    name,
    value: values[name],
    onChange: (v: string) => form.set(name, v),
    onBlur: () => form.blur(name),
    error: form.error(name),
    required: true,
  });

  const agreementError = form.error('agreement');

  return (
    <Box component="form" ref={formRef} noValidate onSubmit={submit} aria-label={t('reg.step.account')}>
      {enterpriseName ? (
        <Typography sx={{ mb: 2, color: 'text.secondary' }} data-testid="enterprise-summary">
          {flow.data.variant === 'elicense'
            ? t('reg.fromLicense', { name: enterpriseName, uscc: String((flow.data.enterprise as { uscc?: string } | null)?.uscc ?? '') })
            : t('reg.enterpriseSummary', { name: enterpriseName })}
        </Typography>
      ) : null}
      {alert ? (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="form-alert">
          {alert}
        </Alert>
      ) : null}
      <FormField {...field('username')} label={t('reg.username')} hint={t('reg.usernameHint')} maxLength={18} autoComplete="username" autoFocus />
      <FormField {...field('password')} type="password" label={t('reg.password')} hint={t('reg.passwordHint')} maxLength={16} autoComplete="new-password" />
      <FormField
        {...field('confirmPassword')}
        type="password"
        label={t('reg.confirmPassword')}
        hint={t('reg.confirmPasswordHint')}
        maxLength={16}
        autoComplete="new-password"
      />
      <FormField {...field('name')} label={t('reg.personName')} autoComplete="name" />
      <FormField {...field('idType')} label={t('reg.idType')} options={idTypeOptions(lang)} />
      <FormField {...field('idNumber')} label={t('reg.idNumber')} hint={t('reg.idNumberHint')} maxLength={30} autoComplete="off" />
      <FormField {...field('email')} type="email" label={t('reg.email')} hint={t('reg.emailHint')} inputMode="email" autoComplete="email" />
      <FormField {...field('mobile')} type="tel" label={t('reg.mobile')} hint={t('reg.mobileHint')} inputMode="tel" maxLength={11} autoComplete="tel" />
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
        {...field('smsCode')}
        label={t('sms.label')}
        placeholder={t('sms.placeholder')}
        inputMode="numeric"
        maxLength={6}
        autoComplete="one-time-code"
        hint={<CodeSentNote to={smsSentTo} />}
        adornment={<SmsCodeButton onSend={sendSms} resendAfter={flow.data.resendAfter as string | null | undefined} />}
      />

      <Box sx={{ pl: { md: '246px' }, mb: 3 }}>
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
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
            {t('reg.agreementName')}
          </Link>
        </Box>
        {agreementError ? (
          <FormHelperText error id="f-agreement-error" role="alert" sx={{ mt: 0 }}>
            {agreementError}
          </FormHelperText>
        ) : null}
      </Box>

      <Box sx={{ display: 'flex', justifyContent: 'center' }}>
        <Button type="submit" variant="contained" size="large" disabled={busy} sx={{ minWidth: 200 }} data-testid="submit-registration">
          {t('reg.submit')}
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

function pickEnterpriseName(data: Record<string, unknown>): string | null {
  for (const key of ['enterpriseName', 'name']) if (typeof data[key] === 'string' && data[key]) return data[key] as string;
  const ent = data.enterprise;
  if (ent && typeof ent === 'object' && typeof (ent as Record<string, unknown>).name === 'string') return (ent as Record<string, string>).name;
  return null;
}
