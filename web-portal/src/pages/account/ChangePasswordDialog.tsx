// A3: change the login password (old, new, confirm). Every session of the account ends on 204.
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { validatePasswordPair } from '../../../../domain';
import { isApiError } from '../../api/client';
import { accountApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import { FormField } from '../../components/FormField';
import { focusFirstProblem } from '../../forms/focus';
import { useForm } from '../../forms/useForm';
import { useT } from '../../i18n';

const EMPTY = { oldPassword: '', password: '', confirmPassword: '' };
type Values = typeof EMPTY;

function validate(v: Values): Record<string, string> {
  const e: Record<string, string> = validatePasswordPair(v.password, v.confirmPassword);
  if (!v.oldPassword) e.oldPassword = 'required';
  else if (!e.password && v.password === v.oldPassword) e.password = 'password.sameAsOld';
  return e;
}

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const form = useForm<Values>(EMPTY, validate);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const close = () => {
    form.reset();
    setAlert(null);
    onClose();
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
      await accountApi.changePassword(form.values);
      navigate('/login', { replace: true, state: { notice: t('pwd.done') } });
    } catch (err) {
      if (isApiError(err) && err.hasFields) {
        form.setServerProblems(err.fields);
        window.setTimeout(() => focusFirstProblem(formRef.current, Object.keys(err.fields)), 0);
      } else if (isApiError(err) && err.status === 401) {
        navigate('/login', { replace: true });
      } else setAlert(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof Values, label: string) => ({
    name,
    label,
    type: 'password' as const,
    required: true,
    dense: true,
    idPrefix: 'pwd',
    value: form.values[name],
    onChange: (v: string) => form.set(name, v),
    onBlur: () => form.blur(name),
    error: form.error(name),
    maxLength: 16,
  });

  return (
    <Dialog open={open} onClose={close} maxWidth="sm" fullWidth aria-labelledby="pwd-title">
      <Box component="form" ref={formRef} noValidate onSubmit={submit}>
        <DialogTitle id="pwd-title">{t('pwd.title')}</DialogTitle>
        <DialogContent dividers>
          {alert ? (
            <Alert severity="error" sx={{ mb: 2 }}>
              {alert}
            </Alert>
          ) : null}
          <FormField {...field('oldPassword', t('pwd.old'))} autoComplete="current-password" autoFocus />
          <FormField {...field('password', t('pwd.new'))} hint={t('pwd.hint')} autoComplete="new-password" />
          <FormField {...field('confirmPassword', t('pwd.confirm'))} autoComplete="new-password" />
          <Typography variant="body2" color="text.secondary">
            ⓘ {t('pwd.tip')}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="password-submit">
            {t('common.confirm')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
