// 修改密码: "为了您的账户安全, 请您修改初始密码。" New password twice.
import { useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { validatePasswordPair } from '../../../../domain';
import { isApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import type { FlowState } from '../../api/types';
import { FormField } from '../../components/FormField';
import { focusFirstProblem } from '../../forms/focus';
import { useForm } from '../../forms/useForm';
import { useT } from '../../i18n';

const EMPTY = { password: '', confirmPassword: '' };
type Values = typeof EMPTY;
const validate = (v: Values) => validatePasswordPair(v.password, v.confirmPassword);

export function NewPasswordPanel({ runStep }: { runStep: (step: string, fields: Record<string, unknown>) => Promise<FlowState> }) {
  const t = useT();
  const form = useForm<Values>(EMPTY, validate);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

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
      await runStep('newPassword', { password: form.values.password, confirmPassword: form.values.confirmPassword });
    } catch (err) {
      if (isApiError(err) && err.hasFields) {
        form.setServerProblems(err.fields);
        window.setTimeout(() => focusFirstProblem(formRef.current, Object.keys(err.fields)), 0);
      } else if (!(isApiError(err) && (err.status === 404 || err.status === 410))) setAlert(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="form" ref={formRef} noValidate onSubmit={submit} aria-label={t('first.changeTitle')}>
      <Typography sx={{ mb: 3, textAlign: 'center', color: 'warning.dark' }}>{t('first.changeText')}</Typography>
      {alert ? (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="form-alert">
          {alert}
        </Alert>
      ) : null}
      <FormField
        name="password"
        type="password"
        label={t('first.newPassword')}
        required
        value={form.values.password}
        onChange={(v) => form.set('password', v)}
        onBlur={() => form.blur('password')}
        error={form.error('password')}
        hint={t('first.newPasswordHint')}
        maxLength={16}
        autoComplete="new-password"
        autoFocus
      />
      <FormField
        name="confirmPassword"
        type="password"
        label={t('first.confirmPassword')}
        required
        value={form.values.confirmPassword}
        onChange={(v) => form.set('confirmPassword', v)}
        onBlur={() => form.blur('confirmPassword')}
        error={form.error('confirmPassword')}
        maxLength={16}
        autoComplete="new-password"
      />
      <Box sx={{ display: 'flex', justifyContent: 'center', mt: 3 }}>
        <Button type="submit" variant="contained" size="large" disabled={busy} sx={{ minWidth: 180 }} data-testid="new-password-submit">
          {t('common.confirm')}
        </Button>
      </Box>
    </Box>
  );
}
