// A2 信息变更 of an overseas / HK-Macao-Taiwan user: contact, phone, organisation, department,
// job title, address, fax, notes; the e-mail is shown here and changed with its code (修改邮箱).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import { validateOverseasInfoChange } from '../../../../domain';
import { accountCenterApi, type AccountCenterView, type ChangeResult } from '../../api/accountEndpoints';
import { FormField } from '../../components/FormField';
import { useForm } from '../../forms/useForm';
import { useT } from '../../i18n';
import { useConfirmingSave } from './confirmConsequences';
import { checkLocally, FormDialog, showSaveError } from './FormDialog';

const EMPTY = { contact: '', contactPhone: '', organization: '', department: '', jobTitle: '', address: '', fax: '', notes: '' };
type Values = typeof EMPTY;

interface Props {
  account: AccountCenterView;
  open: boolean;
  onClose: () => void;
  onSaved: (r: ChangeResult) => void;
  onChangeEmail: () => void;
}

export function OverseasInfoDialog({ account, open, onClose, onSaved, onChangeEmail }: Props) {
  const t = useT();
  const form = useForm<Values>(EMPTY, validateOverseasInfoChange);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const confirming = useConfirmingSave();

  useEffect(() => {
    if (!open || !account.overseas) return;
    const o = account.overseas;
    form.reset({ contact: o.contact, contactPhone: o.contactPhone, organization: o.organization, department: o.department, jobTitle: o.jobTitle, address: o.address, fax: o.fax, notes: o.notes });
    setAlert(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (busy) return;
    setAlert(null);
    if (!checkLocally(form, formRef)) return;
    const body = Object.fromEntries(Object.entries(form.values).map(([k, v]) => [k, v.trim()])) as Values;
    setBusy(true);
    try {
      const result = await confirming.run((confirm) => accountCenterApi.changeOverseas({ ...body, confirm }));
      if (result) onSaved(result);
    } catch (err) {
      showSaveError(err, form, formRef, setAlert, t);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof Values, label: string, required: boolean, maxLength: number) => ({
    name,
    label,
    required,
    maxLength,
    value: form.values[name],
    onChange: (value: string) => form.set(name, value),
    onBlur: () => form.blur(name),
    error: form.error(name),
    dense: true,
    idPrefix: 'overseas',
    autoComplete: 'off',
  });

  return (
    <>
      <FormDialog open={open} title={t('ac.overseasTitle')} testId="overseas-dialog" busy={busy} alert={alert} onClose={onClose} onSubmit={submit} formRef={formRef}>
        <FormField {...field('contact', t('ac.contact'), true, 100)} autoFocus />
        <FormField {...field('contactPhone', t('ac.contactPhone'), true, 40)} type="tel" />
        <FormField {...field('organization', t('ac.organization'), true, 200)} />
        <FormField {...field('department', t('ac.department'), false, 100)} />
        <FormField {...field('jobTitle', t('ac.jobTitle'), false, 100)} />
        <FormField {...field('address', t('ac.contactAddress'), true, 300)} />
        <FormField {...field('fax', t('ac.fax'), false, 40)} type="tel" />
        <FormField {...field('notes', t('ac.notes'), false, 500)} />
        <FormField
          name="email"
          label={t('ac.email')}
          value={account.emailMasked}
          onChange={() => undefined}
          readOnly
          dense
          idPrefix="overseas"
          hint={t('ac.emailViaCode')}
          adornment={
            <Button variant="outlined" onClick={onChangeEmail} sx={{ flex: '0 0 auto', height: 40 }} data-testid="overseas-change-email">
              {t('ac.modify')}
            </Button>
          }
        />
      </FormDialog>
      {confirming.dialog}
    </>
  );
}
