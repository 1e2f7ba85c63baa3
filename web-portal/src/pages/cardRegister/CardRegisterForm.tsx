// R7: the registration form after a card login. The enterprise and holder come from the card,
// read-only and grey; the applicant chooses username and password and proves a mobile number.
import { useCallback, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormHelperText from '@mui/material/FormHelperText';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { messageFor, validateEmail, validateMobile, validatePasswordPair, validateUsername } from '../../../../domain';
import { isApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import type { FlowCard, FlowResult } from '../../api/types';
import { cardTypeLabel } from '../../cardAgent';
import { CaptchaField } from '../../components/CaptchaField';
import { FormField } from '../../components/FormField';
import { idTypeLabel } from '../../components/idTypes';
import { SectionTitle } from '../../components/SectionTitle';
import { CodeSentNote, SmsCodeButton } from '../../components/SmsCodeButton';
import { focusFirstProblem } from '../../forms/focus';
import { sendCodeWithCaptcha, type SendCodeContext } from '../../forms/sendCode';
import { useForm } from '../../forms/useForm';
import { useLanguage } from '../../i18n';
import { AgreementDialog } from '../registration/AgreementDialog';

const EMPTY = {
  username: '',
  password: '',
  confirmPassword: '',
  mobile: '',
  captcha: '',
  smsCode: '',
  email: '',
  agreement: false as boolean,
};
type Values = typeof EMPTY;

interface Props {
  card: FlowCard;
  kind: 'admin' | 'operator';
  smsSentTo: string | null;
  resendAfter: string | null;
  runStep: (step: string, fields: Record<string, unknown>) => Promise<FlowResult>;
  onDone: (f: FlowResult) => void;
}

export function CardRegisterForm({ card, kind, smsSentTo, resendAfter, runStep, onDone }: Props) {
  const { t, lang } = useLanguage();
  const validate = useCallback(
    (v: Values) => {
      const e: Record<string, string> = { ...validatePasswordPair(v.password, v.confirmPassword) };
      const put = (k: string, code: string | null) => {
        if (code) e[k] = code;
      };
      put('username', validateUsername(kind, v.username));
      put('mobile', validateMobile(v.mobile));
      const sms = v.smsCode.trim();
      put('smsCode', sms === '' ? 'required' : /^\d{6}$/.test(sms) ? null : 'sms.format');
      put('email', validateEmail(v.email, false));
      put('agreement', v.agreement === true ? null : 'agreement.required');
      return e;
    },
    [kind],
  );
  const form = useForm<Values>(EMPTY, validate);
  const { values } = form;
  const [captchaId, setCaptchaId] = useState('');
  const [captchaKey, setCaptchaKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [agreementOpen, setAgreementOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const showServerProblems = (err: unknown) => {
    if (!isApiError(err) || !err.hasFields) return false;
    const { card: cardProblem, ...rest } = err.fields;
    // The card itself (e.g. its identity already has an account) is no field of this form.
    if (cardProblem) setAlert(cardProblem.message ?? messageFor(cardProblem.code, lang));
    form.setServerProblems(rest);
    window.setTimeout(() => focusFirstProblem(formRef.current, Object.keys(rest)), 0);
    return true;
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
      const fields: Record<string, unknown> = {
        mode: 'form',
        username: values.username,
        password: values.password,
        confirmPassword: values.confirmPassword,
        mobile: values.mobile.trim(),
        smsCode: values.smsCode.trim(),
        agreement: values.agreement,
      };
      if (values.email.trim()) fields.email = values.email.trim();
      onDone(await runStep('register', fields));
    } catch (err) {
      if (!showServerProblems(err) && !(isApiError(err) && (err.status === 404 || err.status === 410))) setAlert(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Exclude<keyof Values, 'agreement'>) => ({
    name,
    value: values[name],
    onChange: (v: string) => form.set(name, v),
    onBlur: () => form.blur(name),
    error: form.error(name),
    required: true,
    idPrefix: 'card-reg',
  });
  const fixed = (name: string, label: string, value: string) => (
    <FormField name={name} label={label} value={value} onChange={() => undefined} readOnly idPrefix="card-reg" />
  );
  const agreementError = form.error('agreement');

  return (
    <Box component="form" ref={formRef} noValidate onSubmit={submit} aria-label={t('cardReg.formTitle')} data-testid="card-register-form">
      {alert ? (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="form-alert">
          {alert}
        </Alert>
      ) : null}
      <SectionTitle>{t('cardReg.cardSection')}</SectionTitle>
      {fixed('enterpriseName', t('cardReg.enterpriseName'), card.enterpriseName)}
      {fixed('uscc', t('cardReg.uscc'), card.uscc)}
      {fixed('cardType', t('cardReg.cardType'), cardTypeLabel(card.cardType, t))}
      {fixed('holderName', t('cardReg.holderName'), card.holderName)}
      {fixed('holderIdType', t('cardReg.holderIdType'), idTypeLabel(card.holderIdType, lang))}
      {fixed('holderIdMasked', t('cardReg.holderIdMasked'), card.holderIdMasked)}

      <Box sx={{ mt: 3 }}>
        <SectionTitle>{t('cardReg.accountSection')}</SectionTitle>
      </Box>
      <FormField
        {...field('username')}
        label={t('reg.username')}
        hint={kind === 'admin' ? t('reg.usernameHint') : t('cardReg.usernameHint.operator')}
        maxLength={18}
        autoComplete="username"
        autoFocus
      />
      <FormField {...field('password')} type="password" label={t('reg.password')} hint={t('reg.passwordHint')} maxLength={16} autoComplete="new-password" />
      <FormField
        {...field('confirmPassword')}
        type="password"
        label={t('reg.confirmPassword')}
        hint={t('reg.confirmPasswordHint')}
        maxLength={16}
        autoComplete="new-password"
      />
      <FormField {...field('mobile')} type="tel" label={t('reg.mobile')} hint={t('reg.mobileHint')} inputMode="tel" maxLength={11} autoComplete="tel" />
      <CaptchaField
        value={values.captcha}
        onChange={(v) => form.set('captcha', v)}
        onReset={() => form.setQuiet('captcha', '')}
        onBlur={() => form.blur('captcha')}
        error={form.error('captcha')}
        onCaptchaId={setCaptchaId}
        reloadKey={captchaKey}
        idPrefix="card-reg"
      />
      <FormField
        {...field('smsCode')}
        label={t('sms.label')}
        placeholder={t('sms.placeholder')}
        inputMode="numeric"
        maxLength={6}
        autoComplete="one-time-code"
        hint={<CodeSentNote to={smsSentTo} />}
        adornment={<SmsCodeButton onSend={sendSms} resendAfter={resendAfter} />}
      />
      <FormField {...field('email')} required={false} type="email" label={t('reg.email')} hint={t('reg.emailHint')} inputMode="email" autoComplete="email" />

      <Box sx={{ pl: { md: '246px' }, mb: 3 }}>
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
          <Checkbox
            id="card-reg-agreement"
            name="agreement"
            checked={values.agreement}
            onChange={(e) => form.set('agreement', e.target.checked)}
            sx={{ pl: 0, color: agreementError ? 'error.main' : undefined }}
            slotProps={{ input: { 'aria-describedby': agreementError ? 'card-reg-agreement-error' : undefined } as object }}
          />
          <Typography component="label" htmlFor="card-reg-agreement" variant="body2" sx={{ cursor: 'pointer' }}>
            {t('reg.agreePrefix')}
          </Typography>
          <Link component="button" type="button" variant="body2" onClick={() => setAgreementOpen(true)} data-testid="open-agreement" sx={{ ml: 0.25 }}>
            {t('reg.agreementName')}
          </Link>
        </Box>
        {agreementError ? (
          <FormHelperText error id="card-reg-agreement-error" role="alert" sx={{ mt: 0 }}>
            {agreementError}
          </FormHelperText>
        ) : null}
      </Box>

      <Box sx={{ display: 'flex', justifyContent: 'center' }}>
        <Button type="submit" variant="contained" size="large" disabled={busy} sx={{ minWidth: 200 }} data-testid="card-register-submit">
          {t('cardReg.submit')}
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
