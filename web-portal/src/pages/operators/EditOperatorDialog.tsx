// O4 编辑操作员信息 (manual 000 §3.2 修改): everything but the username, with the rules of adding —
// name, ID type and number, validity, mobile, e-mail and 账号状态 (正常 / 停用). The list shows the
// mobile and ID number masked: left empty they stay as they are. N6: before a change of identity
// voids the real-name verification or unbinds the operator's card, the administrator confirms.
// O5: 403 operator.cardProtected when the operator has a card and the administrator none.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { chinaToday, validateOperatorEdit } from '../../../../domain';
import { isApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { manageApi, type EditedOperator, type ManagedOperator } from '../../api/manageEndpoints';
import { FormField } from '../../components/FormField';
import { idTypeOptions } from '../../components/idTypes';
import { focusFirstProblem } from '../../forms/focus';
import { useForm } from '../../forms/useForm';
import { useLanguage } from '../../i18n';

const EMPTY = { name: '', idType: 'resident', idNumber: '', idValidFrom: '', idValidTo: '', mobile: '', email: '', status: 'active' };
type Values = typeof EMPTY;

interface Props {
  operator: ManagedOperator | null;
  onClose: () => void;
  onSaved: (op: EditedOperator) => void;
}

export function EditOperatorDialog({ operator, onClose, onSaved }: Props) {
  const { t, lang } = useLanguage();
  const currentIdType = operator?.idType ?? 'resident';
  const form = useForm<Values>(EMPTY, (v) => validateOperatorEdit(v, chinaToday(), { currentIdType }));
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!operator) return;
    form.reset({
      name: operator.name,
      idType: operator.idType || 'resident',
      idNumber: '',
      idValidFrom: operator.idValidFrom ?? '',
      idValidTo: operator.idValidTo ?? '',
      mobile: '',
      email: operator.email ?? '',
      status: operator.status === 'disabled' ? 'disabled' : 'active',
    });
    setAlert(null);
    setConfirming(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [operator]);

  const v = form.values;
  const identityChanged = Boolean(operator) && (v.name.trim() !== operator!.name || v.idType !== operator!.idType || v.idNumber.trim() !== '');
  const validityChanged = Boolean(operator) && (v.idValidFrom.trim() !== (operator!.idValidFrom ?? '') || v.idValidTo.trim() !== (operator!.idValidTo ?? ''));
  const unbindsCard = Boolean(operator?.cardNo) && identityChanged;
  const voidsRealName = (operator?.realNameLevel ?? 'none') !== 'none' && (identityChanged || validityChanged);

  useEffect(() => setConfirming(false), [unbindsCard, voidsRealName]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !operator) return;
    setAlert(null);
    if (!form.validateAll()) {
      focusFirstProblem(formRef.current, form.problemFields());
      return;
    }
    if ((unbindsCard || voidsRealName) && !confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    try {
      const op = await manageApi.updateOperator(operator.id, {
        name: v.name.trim(),
        mobile: v.mobile.trim(),
        idType: v.idType,
        idNumber: v.idNumber.trim(),
        idValidFrom: v.idValidFrom.trim(),
        idValidTo: v.idValidTo.trim(),
        email: v.email.trim(),
        status: v.status === 'disabled' ? 'disabled' : 'active',
      });
      onSaved(op);
    } catch (err) {
      setConfirming(false);
      if (isApiError(err) && err.status === 403) setAlert(t('ops.protected'));
      else if (isApiError(err) && err.hasFields) {
        form.setServerProblems(err.fields);
        window.setTimeout(() => focusFirstProblem(formRef.current, Object.keys(err.fields)), 0);
      } else setAlert(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const isResident = v.idType === 'resident';
  const field = (name: keyof Values) => ({
    name,
    value: form.values[name],
    onChange: (value: string) => form.set(name, value),
    onBlur: () => form.blur(name),
    error: form.error(name),
    required: true,
    dense: true,
    idPrefix: 'opedit',
  });

  const consequence = [unbindsCard ? t('ops.identityConsequenceCard') : '', voidsRealName ? t('ops.identityConsequenceRealName') : ''].filter(Boolean).join(t('ops.identityConfirmAnd'));
  const state = [operator?.cardNo ? t('ops.identityConfirmCard', { cardNo: operator.cardNo }) : '', (operator?.realNameLevel ?? 'none') !== 'none' ? t('ops.identityConfirmRealName') : '']
    .filter(Boolean)
    .join(t('ops.identityConfirmAnd'));

  return (
    <Dialog open={Boolean(operator)} onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="opedit-title" data-testid="edit-operator-dialog">
      <Box component="form" ref={formRef} noValidate onSubmit={submit}>
        <DialogTitle id="opedit-title">{t('ops.editTitle')}</DialogTitle>
        <DialogContent dividers>
          {alert ? (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="form-alert">
              {alert}
            </Alert>
          ) : null}
          <FormField name="username" label={t('ops.username')} value={operator?.username ?? ''} onChange={() => undefined} readOnly required dense idPrefix="opedit" />
          <FormField {...field('name')} label={t('ops.name')} autoComplete="off" autoFocus />
          <FormField {...field('idType')} label={t('ops.idType')} options={idTypeOptions(lang)} />
          <FormField
            {...field('idNumber')}
            required={v.idType !== currentIdType}
            label={t('ops.idNumber')}
            maxLength={30}
            autoComplete="off"
            hint={operator?.idNumberMasked && v.idType === currentIdType ? t('ops.idNumberKeep', { masked: operator.idNumberMasked }) : undefined}
          />
          <FormField {...field('idValidFrom')} required={isResident} label={t('ops.idValidFrom')} hint={t('common.dateHint')} placeholder="YYYYMMDD" inputMode="numeric" maxLength={8} autoComplete="off" />
          <FormField {...field('idValidTo')} required={isResident} label={t('ops.idValidTo')} hint={t('ops.idValidToHint')} placeholder="YYYYMMDD" inputMode="numeric" maxLength={8} autoComplete="off" />
          <FormField
            {...field('mobile')}
            required={false}
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
          {operator?.cardNo || (operator?.realNameLevel ?? 'none') !== 'none' ? (
            <Alert severity={confirming ? 'warning' : 'info'} sx={{ mt: 1 }} data-testid={confirming ? 'identity-confirm' : 'identity-note'}>
              {confirming ? t('ops.identityConfirm', { state, consequences: consequence }) : t('ops.identityWarning')}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions sx={{ justifyContent: 'center', py: 2 }}>
          <Button type="submit" variant="contained" color={confirming ? 'warning' : 'primary'} disabled={busy} sx={{ minWidth: 100 }} data-testid="save-operator-edit">
            {confirming ? t('ops.confirmSave') : t('common.save')}
          </Button>
          <Button variant="outlined" onClick={onClose} disabled={busy} sx={{ minWidth: 100 }} data-testid="cancel-operator-edit">
            {t('common.cancel')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
