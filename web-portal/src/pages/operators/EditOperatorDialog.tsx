// O4 修改: name, mobile, e-mail and account status of an operator (the username never changes).
// O5: 403 operator.cardProtected when the operator has a card and the administrator none.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { validateEmail, validateMobile, validatePersonName } from '../../../../domain';
import { isApiError } from '../../api/client';
import { operatorsApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import type { Operator } from '../../api/types';
import { FormField } from '../../components/FormField';
import { focusFirstProblem } from '../../forms/focus';
import { useForm } from '../../forms/useForm';
import { useT } from '../../i18n';

const EMPTY = { name: '', mobile: '', email: '', status: 'active' };
type Values = typeof EMPTY;

function validate(v: Values): Record<string, string> {
  const e: Record<string, string> = {};
  const put = (k: string, code: string | null) => {
    if (code) e[k] = code;
  };
  put('name', validatePersonName(v.name));
  put('mobile', validateMobile(v.mobile));
  put('email', validateEmail(v.email, false));
  if (v.status !== 'active' && v.status !== 'disabled') e.status = 'required';
  return e;
}

interface Props {
  operator: Operator | null;
  onClose: () => void;
  onSaved: (op: Operator) => void;
}

export function EditOperatorDialog({ operator, onClose, onSaved }: Props) {
  const t = useT();
  const form = useForm<Values>(EMPTY, validate);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!operator) return;
    // The list shows the mobile masked; the full number has to be entered again.
    form.reset({ name: operator.name, mobile: '', email: operator.email ?? '', status: operator.status === 'disabled' ? 'disabled' : 'active' });
    setAlert(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [operator]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !operator) return;
    setAlert(null);
    if (!form.validateAll()) {
      focusFirstProblem(formRef.current, form.problemFields());
      return;
    }
    setBusy(true);
    try {
      const v = form.values;
      const op = await operatorsApi.update(operator.id, {
        name: v.name.trim(),
        mobile: v.mobile.trim(),
        email: v.email.trim(),
        status: v.status === 'disabled' ? 'disabled' : 'active',
      });
      onSaved(op);
    } catch (err) {
      if (isApiError(err) && err.status === 403) setAlert(t('ops.protected'));
      else if (isApiError(err) && err.hasFields) {
        form.setServerProblems(err.fields);
        window.setTimeout(() => focusFirstProblem(formRef.current, Object.keys(err.fields)), 0);
      } else setAlert(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof Values) => ({
    name,
    value: form.values[name],
    onChange: (v: string) => form.set(name, v),
    onBlur: () => form.blur(name),
    error: form.error(name),
    required: true,
    dense: true,
    idPrefix: 'opedit',
  });

  return (
    <Dialog open={Boolean(operator)} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="opedit-title">
      <Box component="form" ref={formRef} noValidate onSubmit={submit}>
        <DialogTitle id="opedit-title">{t('ops.editTitle')}</DialogTitle>
        <DialogContent dividers>
          {alert ? (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="form-alert">
              {alert}
            </Alert>
          ) : null}
          <FormField name="username" label={t('ops.username')} value={operator?.username ?? ''} onChange={() => undefined} readOnly dense idPrefix="opedit" />
          <FormField {...field('name')} label={t('ops.name')} autoComplete="off" autoFocus />
          <FormField
            {...field('mobile')}
            type="tel"
            label={t('ops.mobile')}
            inputMode="tel"
            maxLength={11}
            autoComplete="off"
            hint={operator?.mobile ? t('ops.mobileReenter', { mobile: operator.mobile }) : undefined}
          />
          <FormField {...field('email')} required={false} type="email" label={t('ops.email')} inputMode="email" autoComplete="off" />
          <FormField
            {...field('status')}
            label={t('ops.status')}
            options={[
              { value: 'active', label: t('account.status.active') },
              { value: 'disabled', label: t('account.status.disabled') },
            ]}
          />
        </DialogContent>
        <DialogActions sx={{ justifyContent: 'center', py: 2 }}>
          <Button type="submit" variant="contained" disabled={busy} sx={{ minWidth: 100 }} data-testid="save-operator-edit">
            {t('common.save')}
          </Button>
          <Button variant="outlined" onClick={onClose} disabled={busy} sx={{ minWidth: 100 }} data-testid="cancel-operator-edit">
            {t('common.cancel')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
