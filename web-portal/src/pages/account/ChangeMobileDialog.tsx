// A3 修改绑定手机 (flow changeMobile): the new mobile with an SMS code sent to it, or — 更换验证方式
// — the ID type and number registered with the account.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { validateIdNumber, validateIdType, validateMobile } from '../../../../domain';
import { isApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { CaptchaField } from '../../components/CaptchaField';
import { FormField } from '../../components/FormField';
import { idTypeOptions } from '../../components/idTypes';
import { CodeSentNote, SmsCodeButton } from '../../components/SmsCodeButton';
import { sendCodeWithCaptcha } from '../../forms/sendCode';
import { useForm } from '../../forms/useForm';
import { useLanguage } from '../../i18n';
import { checkLocally, FormDialog, showSaveError } from './FormDialog';
import { useAccountFlow } from './useAccountFlow';

const EMPTY = { mobile: '', captcha: '', smsCode: '', idType: 'resident', idNumber: '' };
type Values = typeof EMPTY;
type Method = 'sms' | 'id';

function validateFor(method: Method) {
  return (v: Values): Record<string, string> => {
    const e: Record<string, string> = {};
    const m = validateMobile(v.mobile);
    if (m) e.mobile = m;
    if (method === 'sms') {
      const code = v.smsCode.trim();
      if (!code) e.smsCode = 'required';
      else if (!/^\d{6}$/.test(code)) e.smsCode = 'sms.format';
    } else {
      const type = validateIdType(v.idType);
      if (type) e.idType = type;
      else {
        const n = validateIdNumber(v.idType, v.idNumber);
        if (n) e.idNumber = n;
      }
    }
    return e;
  };
}

interface Props {
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function ChangeMobileDialog({ open, onClose, onDone }: Props) {
  const { t, lang } = useLanguage();
  const [method, setMethod] = useState<Method>('sms');
  const form = useForm<Values>(EMPTY, validateFor(method));
  const { flow, step, startError, restarted } = useAccountFlow('changeMobile', open);
  const [captchaId, setCaptchaId] = useState('');
  const [captchaKey, setCaptchaKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!open) return;
    form.reset(EMPTY);
    setMethod('sms');
    setAlert(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const data = (flow?.data ?? {}) as { currentMobile?: string | null; idCheckAvailable?: boolean; smsSentTo?: string | null; resendAfter?: string | null };

  const sendSms = (): Promise<string | null | false> => {
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
      { step: 'sendSmsCode', field: 'mobile', value: form.values.mobile, error: validateMobile(form.values.mobile), codeField: 'smsCode', resendKey: 'resendAfter' },
    );
  };

  const switchMethod = () => {
    setMethod((m) => (m === 'sms' ? 'id' : 'sms'));
    setAlert(null);
    for (const f of ['smsCode', 'idType', 'idNumber', 'captcha']) form.clearProblem(f);
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (busy) return;
    setAlert(null);
    if (!checkLocally(form, formRef)) return;
    const v = form.values;
    setBusy(true);
    try {
      const fields =
        method === 'sms'
          ? { method, mobile: v.mobile.trim(), smsCode: v.smsCode.trim() }
          : { method, mobile: v.mobile.trim(), idType: v.idType, idNumber: v.idNumber.trim() };
      const f = await step('confirm', fields);
      if (f.status === 'completed') {
        const kept = f.data.mobileLogin === true;
        onDone([t('ac.mobileDone', { mobile: String(f.data.mobile ?? '') }), kept ? t('ac.mobileLoginKept') : ''].filter(Boolean).join(' '));
      }
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
    idPrefix: 'chmobile',
  });

  return (
    <FormDialog
      open={open}
      title={t('ac.mobileTitle')}
      testId="mobile-dialog"
      busy={busy}
      alert={alert ?? (startError ? describeError(startError, t) : null)}
      onClose={onClose}
      onSubmit={submit}
      formRef={formRef}
      submitLabel={t('common.confirm')}
      submitDisabled={!flow}
      notice={restarted && !alert ? <Alert severity="info" sx={{ mb: 2 }}>{t('ac.flowRestarted')}</Alert> : null}
    >
      <FormField name="current" label={t('ac.currentMobile')} value={data.currentMobile ?? t('common.none')} onChange={() => undefined} readOnly dense idPrefix="chmobile" />
      <FormField {...field('mobile')} label={t('ac.newMobile')} type="tel" inputMode="tel" maxLength={11} autoFocus autoComplete="off" />
      {method === 'sms' ? (
        <>
          <CaptchaField
            value={form.values.captcha}
            onChange={(v) => form.set('captcha', v)}
            onReset={() => form.setQuiet('captcha', '')}
            onBlur={() => form.blur('captcha')}
            error={form.error('captcha')}
            onCaptchaId={setCaptchaId}
            reloadKey={captchaKey}
            dense
            idPrefix="chmobile"
            required={false}
          />
          <FormField
            {...field('smsCode')}
            label={t('ac.smsCode')}
            inputMode="numeric"
            maxLength={6}
            autoComplete="one-time-code"
            hint={<CodeSentNote to={data.smsSentTo} />}
            adornment={<SmsCodeButton onSend={sendSms} resendAfter={data.resendAfter} disabled={!flow} testId="chmobile-send" />}
          />
        </>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
            {t('ac.idMethodIntro')}
          </Typography>
          <FormField {...field('idType')} label={t('ac.idType')} options={idTypeOptions(lang)} />
          <FormField {...field('idNumber')} label={t('ac.idNumber')} maxLength={30} autoComplete="off" />
        </>
      )}
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', mb: 1 }}>
        {method === 'id' || data.idCheckAvailable ? (
          <Link component="button" type="button" onClick={switchMethod} data-testid="switch-method" sx={{ fontSize: 14 }}>
            {method === 'sms' ? t('ac.switchToId') : t('ac.switchToSms')}
          </Link>
        ) : null}
      </Box>
      <Typography variant="body2" color="text.secondary">
        ⓘ {t('ac.mobileTip')}
      </Typography>
    </FormDialog>
  );
}
