// Step 1 of R2: 企业基本信息 (enterprise and legal representative); of R3: 事业单位基本信息, with
// the labels of the institution form and a USCC starting with 12.
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { chinaToday, orgCodeFromUscc, validateEnterpriseInfo, validateInstitutionUscc, validateUscc } from '../../../../domain';
import { isApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import type { FlowState, RegistrationVariant } from '../../api/types';
import { FormField } from '../../components/FormField';
import { DEFAULT_ID_TYPE, idTypeOptions } from '../../components/idTypes';
import { focusFirstProblem } from '../../forms/focus';
import { useForm } from '../../forms/useForm';
import { useLanguage } from '../../i18n';

const EMPTY = {
  uscc: '',
  orgCode: '',
  name: '',
  legalRepName: '',
  legalRepIdType: DEFAULT_ID_TYPE as string,
  legalRepIdNumber: '',
  legalRepIdValidFrom: '',
  legalRepIdValidTo: '',
};
type EnterpriseValues = typeof EMPTY;

const validate = (v: EnterpriseValues) => validateEnterpriseInfo(v, chinaToday());

const validateInstitution = (v: EnterpriseValues) => {
  const errors = validateEnterpriseInfo(v, chinaToday());
  if (!errors.uscc) {
    const kind = validateInstitutionUscc(v.uscc);
    if (kind) errors.uscc = kind;
  }
  return errors;
};

interface EnterpriseStepProps {
  runStep: (step: string, fields: Record<string, unknown>) => Promise<FlowState>;
  variant?: RegistrationVariant;
}

export function EnterpriseStep({ runStep, variant = 'enterprise' }: EnterpriseStepProps) {
  const { t, lang } = useLanguage();
  const institution = variant === 'institution';
  const form = useForm<EnterpriseValues>(EMPTY, institution ? validateInstitution : validate);
  const { values } = form;
  const [orgFilled, setOrgFilled] = useState(false);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const changeUscc = useCallback(
    (raw: string) => {
      const uscc = raw.toUpperCase();
      // A valid USCC carries the organization code in characters 9–17; still editable afterwards.
      if (validateUscc(uscc) === null) {
        form.setMany({ uscc, orgCode: orgCodeFromUscc(uscc) });
        setOrgFilled(true);
      } else form.set('uscc', uscc);
    },
    [form],
  );

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
      const fields = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]));
      await runStep('enterprise', fields);
    } catch (err) {
      if (isApiError(err) && err.hasFields) {
        form.setServerProblems(err.fields);
        setAlert(err.message);
        window.setTimeout(() => focusFirstProblem(formRef.current, Object.keys(err.fields)), 0);
      } else if (!(isApiError(err) && (err.status === 404 || err.status === 410))) {
        setAlert(describeError(err, t));
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof EnterpriseValues) => ({
    name,
    value: values[name],
    onChange: (v: string) => form.set(name, v),
    onBlur: () => form.blur(name),
    error: form.error(name),
    required: true,
  });

  const isResident = values.legalRepIdType === 'resident';

  return (
    <Box component="form" ref={formRef} noValidate onSubmit={submit} aria-label={institution ? t('reg.step.institution') : t('reg.step.enterprise')}>
      {institution ? (
        <Alert severity="info" sx={{ mb: 2, bgcolor: '#eef5fd' }} data-testid="institution-tip">
          {t('reg.inst.tip')}
        </Alert>
      ) : null}
      {alert ? (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="form-alert">
          {alert}
        </Alert>
      ) : null}
      <FormField {...field('uscc')} label={t('reg.uscc')} onChange={changeUscc} hint={institution ? t('reg.inst.usccHint') : t('reg.usccHint')} maxLength={18} autoFocus autoComplete="off" />
      <FormField
        {...field('orgCode')}
        label={institution ? t('reg.inst.orgCode') : t('reg.orgCode')}
        onChange={(v) => {
          setOrgFilled(false);
          form.set('orgCode', v.toUpperCase());
        }}
        hint={orgFilled ? t('reg.orgCodeFilled') : institution ? t('reg.inst.orgCodeHint') : t('reg.orgCodeHint')}
        maxLength={9}
        autoComplete="off"
      />
      <FormField {...field('name')} label={institution ? t('reg.inst.name') : t('reg.name')} autoComplete="organization" />
      <FormField {...field('legalRepName')} label={t('reg.legalRepName')} autoComplete="off" />
      <FormField {...field('legalRepIdType')} label={t('reg.legalRepIdType')} options={idTypeOptions(lang)} />
      <FormField {...field('legalRepIdNumber')} label={t('reg.legalRepIdNumber')} autoComplete="off" maxLength={30} />
      <FormField
        {...field('legalRepIdValidFrom')}
        required={isResident}
        label={t('reg.legalRepIdValidFrom')}
        hint={t('common.dateHint')}
        placeholder="YYYYMMDD"
        inputMode="numeric"
        maxLength={8}
        autoComplete="off"
      />
      <FormField
        {...field('legalRepIdValidTo')}
        required={isResident}
        label={t('reg.legalRepIdValidTo')}
        hint={
          <>
            {t('common.dateHint')}
            <br />
            {t('reg.longTermHint')}
          </>
        }
        placeholder="YYYYMMDD"
        inputMode="numeric"
        maxLength={8}
        autoComplete="off"
      />
      {institution ? (
        <Box sx={{ mb: 3 }} />
      ) : (
        <Alert severity="info" sx={{ mt: 1, mb: 3, bgcolor: '#eef5fd' }}>
          <Typography variant="body2">{t('reg.note')}</Typography>
        </Alert>
      )}
      <Box sx={{ display: 'flex', justifyContent: 'center', gap: 2 }}>
        <Button component={RouterLink} to="/register" variant="outlined" sx={{ minWidth: 120 }} data-testid="back">
          {t('common.back')}
        </Button>
        <Button type="submit" variant="contained" disabled={busy} sx={{ minWidth: 120 }} data-testid="next">
          {t('common.next')}
        </Button>
      </Box>
    </Box>
  );
}
