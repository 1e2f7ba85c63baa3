// A4: activate a card-created account by setting its login password (not the card PIN).
// Only in a card session of an inactive account; the API answers the activated Account.
import { useRef, useState, type FormEvent } from 'react';
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
import type { Account } from '../../api/types';
import { FormField } from '../../components/FormField';
import { focusFirstProblem } from '../../forms/focus';
import { useForm } from '../../forms/useForm';
import { useT } from '../../i18n';

const EMPTY = { password: '', confirmPassword: '' };
type Values = typeof EMPTY;
const validate = (v: Values) => validatePasswordPair(v.password, v.confirmPassword);

export function ActivateDialog({ open, onClose, onActivated }: { open: boolean; onClose: () => void; onActivated: (a: Account) => void }) {
  const t = useT();
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
      const account = await accountApi.activate(form.values);
      form.reset();
      onActivated(account);
    } catch (err) {
      if (isApiError(err) && err.hasFields) {
        form.setServerProblems(err.fields);
        window.setTimeout(() => focusFirstProblem(formRef.current, Object.keys(err.fields)), 0);
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
    idPrefix: 'activate',
    value: form.values[name],
    onChange: (v: string) => form.set(name, v),
    onBlur: () => form.blur(name),
    error: form.error(name),
    maxLength: 16,
    autoComplete: 'new-password',
  });

  return (
    <Dialog open={open} onClose={close} maxWidth="sm" fullWidth aria-labelledby="activate-title">
      <Box component="form" ref={formRef} noValidate onSubmit={submit}>
        <DialogTitle id="activate-title">{t('activate.title')}</DialogTitle>
        <DialogContent dividers>
          {alert ? (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="form-alert">
              {alert}
            </Alert>
          ) : null}
          <FormField {...field('password', t('activate.password'))} hint={t('pwd.hint')} autoFocus />
          <FormField {...field('confirmPassword', t('activate.confirmPassword'))} />
          <Typography variant="body2" color="text.secondary">
            ⓘ {t('activate.tip')}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="activate-submit">
            {t('activate.submit')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
