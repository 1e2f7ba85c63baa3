// 补充所在国家(地区)注册编号: only while registration left it empty; it can never change afterwards.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import { countryLabel, validateRegNoFill } from '../../../../domain';
import { accountCenterApi, type AccountCenterView } from '../../api/accountEndpoints';
import { FormField } from '../../components/FormField';
import { useForm } from '../../forms/useForm';
import { useLanguage } from '../../i18n';
import { checkLocally, FormDialog, showSaveError } from './FormDialog';

interface Props {
  account: AccountCenterView;
  open: boolean;
  onClose: () => void;
  onSaved: (a: AccountCenterView) => void;
}

export function RegNoDialog({ account, open, onClose, onSaved }: Props) {
  const { t, lang } = useLanguage();
  const form = useForm<{ regNo: string }>({ regNo: '' }, (v): Record<string, string> => {
    const e = validateRegNoFill(v.regNo);
    return e ? { regNo: e } : {};
  });
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (open) {
      form.reset({ regNo: '' });
      setAlert(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (busy) return;
    setAlert(null);
    if (!checkLocally(form, formRef)) return;
    setBusy(true);
    try {
      onSaved((await accountCenterApi.fillRegNo(form.values.regNo.trim())).account);
    } catch (err) {
      showSaveError(err, form, formRef, setAlert, t);
    } finally {
      setBusy(false);
    }
  };

  const country = account.overseas?.country ?? '';
  return (
    <FormDialog
      open={open}
      title={t('ac.regNoTitle')}
      testId="regno-dialog"
      busy={busy}
      alert={alert}
      onClose={onClose}
      onSubmit={submit}
      formRef={formRef}
      submitLabel={t('common.confirm')}
      notice={
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('ac.regNoWarning')}
        </Alert>
      }
    >
      <FormField name="country" label={t('ac.country')} value={country ? countryLabel(country, lang) : ''} onChange={() => undefined} readOnly dense idPrefix="regno" />
      <FormField
        name="regNo"
        label={t('ac.regNo')}
        required
        dense
        idPrefix="regno"
        value={form.values.regNo}
        onChange={(v) => form.set('regNo', v)}
        onBlur={() => form.blur('regNo')}
        error={form.error('regNo')}
        maxLength={60}
        autoFocus
        autoComplete="off"
      />
    </FormDialog>
  );
}
