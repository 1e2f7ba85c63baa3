// A2 / N7 用户企业信息修改 (individuals, migrated users): USCC, organization code (filled from the
// USCC, grey), enterprise name, legal representative. At most two of name / USCC / org code per
// change (red hints on them as soon as a third one changes); the legal representative freely.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import { orgCodeFromUscc, validateEnterpriseInfoChange, validateUscc } from '../../../../domain';
import { accountCenterApi, type AccountCenterView, type ChangeResult, type EnterpriseInfo } from '../../api/accountEndpoints';
import { FormField } from '../../components/FormField';
import { useForm } from '../../forms/useForm';
import { useT } from '../../i18n';
import { useConfirmingSave } from './confirmConsequences';
import { checkLocally, FormDialog, showSaveError } from './FormDialog';

const EMPTY: EnterpriseInfo = { uscc: '', orgCode: '', name: '', legalRepName: '' };

interface Props {
  account: AccountCenterView;
  open: boolean;
  onClose: () => void;
  onSaved: (r: ChangeResult) => void;
}

export function EnterpriseInfoDialog({ account, open, onClose, onSaved }: Props) {
  const t = useT();
  const current = account.enterpriseInfo ?? EMPTY;
  const form = useForm<{ uscc: string; orgCode: string; name: string; legalRepName: string }>(EMPTY, (v) => validateEnterpriseInfoChange(v, current));
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const confirming = useConfirmingSave();

  useEffect(() => {
    if (!open) return;
    form.reset({ ...current });
    setAlert(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  // 填写统一社会信用代码后，组织机构代码会反填对应信息 (002 §2.3).
  const setUscc = (value: string) => {
    const uscc = value.toUpperCase();
    form.setMany(validateUscc(uscc) === null ? { uscc, orgCode: orgCodeFromUscc(uscc) } : { uscc });
    // The identifier rule compares all three: keep the hints of the others current.
    for (const f of ['name', 'orgCode'] as const) form.blur(f);
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (busy) return;
    setAlert(null);
    if (!checkLocally(form, formRef)) return;
    const v = form.values;
    setBusy(true);
    try {
      const result = await confirming.run((confirm) =>
        accountCenterApi.changeEnterpriseInfo({ uscc: v.uscc.trim(), orgCode: v.orgCode.trim(), name: v.name.trim(), legalRepName: v.legalRepName.trim(), confirm }),
      );
      if (result) onSaved(result);
    } catch (err) {
      showSaveError(err, form, formRef, setAlert, t);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof EnterpriseInfo) => ({
    name,
    value: form.values[name],
    onChange: (value: string) => form.set(name, value),
    onBlur: () => form.blur(name),
    error: form.error(name),
    required: name !== 'legalRepName',
    dense: true,
    idPrefix: 'entinfo',
  });

  return (
    <>
      <FormDialog
        open={open}
        title={t('ac.enterpriseInfoTitle')}
        testId="enterprise-info-dialog"
        busy={busy}
        alert={alert}
        onClose={onClose}
        onSubmit={submit}
        formRef={formRef}
        notice={
          <Alert severity="info" sx={{ mb: 2 }} data-testid="enterprise-info-rule">
            {t('ac.enterpriseInfoRule')}
          </Alert>
        }
      >
        <FormField {...field('uscc')} onChange={setUscc} label={t('ac.uscc')} maxLength={18} autoFocus autoComplete="off" />
        <FormField {...field('orgCode')} label={t('ac.orgCode')} readOnly hint={t('ac.orgCodeHint')} />
        <FormField {...field('name')} label={t('ac.enterpriseName')} maxLength={100} autoComplete="off" />
        <FormField {...field('legalRepName')} label={t('ac.legalRepName')} maxLength={50} autoComplete="off" />
      </FormDialog>
      {confirming.dialog}
    </>
  );
}
