// 新增无卡操作员: the administrator enters the operator; default password 88888888.
import { useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { chinaToday, validateOperatorInfo, validateOperatorUsername } from '../../../../domain';
import { isApiError } from '../../api/client';
import { operatorsApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import type { Operator } from '../../api/types';
import { FormField } from '../../components/FormField';
import { DEFAULT_ID_TYPE, idTypeOptions } from '../../components/idTypes';
import { focusFirstProblem } from '../../forms/focus';
import { useForm } from '../../forms/useForm';
import { useLanguage } from '../../i18n';

const EMPTY = {
  username: '',
  name: '',
  mobile: '',
  idType: DEFAULT_ID_TYPE as string,
  idNumber: '',
  idValidFrom: '',
  idValidTo: '',
  email: '',
};
type Values = typeof EMPTY;
/** The rules of adding; a username of a deleted migrated user of this enterprise is exempt from the username rules (O6). */
function validatorFor(released: readonly string[]) {
  return (v: Values) => {
    const e = validateOperatorInfo(v, chinaToday());
    delete e.username;
    const u = validateOperatorUsername(v.username.trim(), released);
    if (u) e.username = u;
    return e;
  };
}

interface Props {
  open: boolean;
  /** O6: usernames of this enterprise's deleted migrated users. */
  released?: string[];
  onClose: () => void;
  onCreated: (op: Operator) => void;
}

export function AddOperatorDialog({ open, released = [], onClose, onCreated }: Props) {
  const { t, lang } = useLanguage();
  const form = useForm<Values>(EMPTY, validatorFor(released));
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
      const v = form.values;
      const body: Record<string, string> = {
        username: v.username,
        name: v.name.trim(),
        mobile: v.mobile.trim(),
        idType: v.idType,
        idNumber: v.idNumber.trim(),
        idValidFrom: v.idValidFrom.trim(),
        idValidTo: v.idValidTo.trim(),
      };
      if (v.email.trim()) body.email = v.email.trim();
      const op = await operatorsApi.create(body);
      form.reset();
      onCreated(op);
    } catch (err) {
      if (isApiError(err) && err.hasFields) {
        form.setServerProblems(err.fields);
        window.setTimeout(() => focusFirstProblem(formRef.current, Object.keys(err.fields)), 0);
      } else setAlert(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const isResident = form.values.idType === 'resident';
  const field = (name: keyof Values) => ({
    name,
    value: form.values[name],
    onChange: (v: string) => form.set(name, v),
    onBlur: () => form.blur(name),
    error: form.error(name),
    required: true,
    dense: true,
    idPrefix: 'op',
  });

  return (
    <Dialog open={open} onClose={close} maxWidth="sm" fullWidth aria-labelledby="op-title">
      <Box component="form" ref={formRef} noValidate onSubmit={submit}>
        <DialogTitle id="op-title">{t('ops.dialogTitle')}</DialogTitle>
        <DialogContent dividers>
          {alert ? (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="form-alert">
              {alert}
            </Alert>
          ) : null}
          <FormField
            {...field('username')}
            label={t('ops.username')}
            hint={released.includes(form.values.username.trim()) ? t('ops.releasedHint', { username: form.values.username.trim() }) : t('ops.usernameHint')}
            maxLength={40}
            autoComplete="off"
            autoFocus
          />
          {released.length ? (
            <Alert severity="info" sx={{ mb: 2, py: 0 }} data-testid="released-usernames">
              {t('ops.releasedList', { names: released.join('、') })}
            </Alert>
          ) : null}
          <FormField {...field('name')} label={t('ops.name')} autoComplete="off" />
          <FormField {...field('mobile')} type="tel" label={t('ops.mobile')} inputMode="tel" maxLength={11} autoComplete="off" />
          <FormField {...field('idType')} label={t('ops.idType')} options={idTypeOptions(lang)} />
          <FormField {...field('idNumber')} label={t('ops.idNumber')} maxLength={30} autoComplete="off" />
          <FormField
            {...field('idValidFrom')}
            required={isResident}
            label={t('ops.idValidFrom')}
            hint={t('common.dateHint')}
            placeholder="YYYYMMDD"
            inputMode="numeric"
            maxLength={8}
            autoComplete="off"
          />
          <FormField
            {...field('idValidTo')}
            required={isResident}
            label={t('ops.idValidTo')}
            hint={t('ops.idValidToHint')}
            placeholder="YYYYMMDD"
            inputMode="numeric"
            maxLength={8}
            autoComplete="off"
          />
          <FormField {...field('email')} required={false} type="email" label={t('ops.email')} inputMode="email" autoComplete="off" />
          <Alert severity="info" sx={{ mt: 1 }}>
            {t('ops.defaultPassword')}
          </Alert>
        </DialogContent>
        <DialogActions sx={{ justifyContent: 'center', py: 2 }}>
          <Button type="submit" variant="contained" disabled={busy} sx={{ minWidth: 100 }} data-testid="save-operator">
            {t('common.save')}
          </Button>
          <Button variant="outlined" onClick={close} sx={{ minWidth: 100 }} data-testid="cancel-operator">
            {t('common.cancel')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
