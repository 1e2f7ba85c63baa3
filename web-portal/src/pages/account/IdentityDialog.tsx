// A2 企业管理员信息修改 / 个人用户信息修改 (the account's own identity) and the administrator's
// 法定代表人信息修改: name, ID type, ID number (empty keeps it), validity for resident IDs. N6: the
// API asks for confirmation when real-name verification or a card binding would be lost.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import { chinaToday, validateIdentityChange } from '../../../../domain';
import { accountCenterApi, type AccountCenterView, type ChangeResult } from '../../api/accountEndpoints';
import { FormField } from '../../components/FormField';
import { idTypeOptions } from '../../components/idTypes';
import { useForm } from '../../forms/useForm';
import { useLanguage } from '../../i18n';
import { useConfirmingSave } from './confirmConsequences';
import { checkLocally, FormDialog, showSaveError } from './FormDialog';

type Mode = 'self' | 'legalRep';
const EMPTY = { name: '', idType: 'resident', idNumber: '', idValidFrom: '', idValidTo: '' };
type Values = typeof EMPTY;

interface Props {
  mode: Mode;
  account: AccountCenterView;
  open: boolean;
  onClose: () => void;
  onSaved: (r: ChangeResult) => void;
}

export function IdentityDialog({ mode, account, open, onClose, onSaved }: Props) {
  const { t, lang } = useLanguage();
  const e = account.enterprise;
  const current =
    mode === 'legalRep' && e
      ? { name: e.legalRepName, idType: e.legalRepIdType || 'resident', masked: e.legalRepIdNumberMasked, from: e.legalRepIdValidFrom, to: e.legalRepIdValidTo }
      : { name: account.name, idType: account.idType || 'resident', masked: account.idNumberMasked, from: account.idValidFrom, to: account.idValidTo };
  const form = useForm<Values>(EMPTY, (v) => validateIdentityChange(v as unknown as Record<string, unknown>, current.idType, '', chinaToday()));
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const confirming = useConfirmingSave();

  useEffect(() => {
    if (!open) return;
    form.reset({ name: current.name, idType: current.idType, idNumber: '', idValidFrom: current.from ?? '', idValidTo: current.to ?? '' });
    setAlert(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (busy) return;
    setAlert(null);
    if (!checkLocally(form, formRef)) return;
    const v = form.values;
    const body = { name: v.name.trim(), idType: v.idType, idNumber: v.idNumber.trim(), idValidFrom: v.idValidFrom.trim(), idValidTo: v.idValidTo.trim() };
    setBusy(true);
    try {
      const result = await confirming.run((confirm) =>
        mode === 'legalRep'
          ? accountCenterApi.changeLegalRep({
              legalRepName: body.name, legalRepIdType: body.idType, legalRepIdNumber: body.idNumber,
              legalRepIdValidFrom: body.idValidFrom, legalRepIdValidTo: body.idValidTo, confirm,
            })
          : accountCenterApi.changeIdentity({ ...body, confirm }),
      );
      if (result) onSaved(result);
    } catch (err) {
      // The API names the legal representative's fields with their prefix.
      showSaveError(err, form, formRef, setAlert, t, (f) => (mode === 'legalRep' ? f.replace(/^legalRep(\w)/, (_, c: string) => c.toLowerCase()) : f));
    } finally {
      setBusy(false);
    }
  };

  const v = form.values;
  const field = (name: keyof Values) => ({
    name,
    value: v[name],
    onChange: (value: string) => form.set(name, value),
    onBlur: () => form.blur(name),
    error: form.error(name),
    required: true,
    dense: true,
    idPrefix: mode === 'legalRep' ? 'legalrep' : 'identity',
  });
  const title = mode === 'legalRep' ? t('ac.legalRepTitle') : account.kind === 'admin' ? t('ac.identityTitle.admin') : t('ac.identityTitle.individual');
  const isResident = v.idType === 'resident';

  return (
    <>
      <FormDialog
        open={open}
        title={title}
        testId={mode === 'legalRep' ? 'legal-rep-dialog' : 'identity-dialog'}
        busy={busy}
        alert={alert}
        onClose={onClose}
        onSubmit={submit}
        formRef={formRef}
        notice={
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="identity-warning">
            {t('ac.identityWarning')}
          </Alert>
        }
      >
        <FormField {...field('name')} label={t('ac.name')} autoFocus autoComplete="off" maxLength={50} />
        <FormField {...field('idType')} label={t('ac.idType')} options={idTypeOptions(lang)} />
        <FormField
          {...field('idNumber')}
          required={v.idType !== current.idType}
          label={t('ac.idNumber')}
          maxLength={30}
          autoComplete="off"
          hint={current.masked && v.idType === current.idType ? t('ac.idNumberKeep', { masked: current.masked }) : undefined}
        />
        <FormField {...field('idValidFrom')} required={isResident} label={t('ac.idValidFrom')} hint={t('common.dateHint')} placeholder="YYYYMMDD" inputMode="numeric" maxLength={8} autoComplete="off" />
        <FormField {...field('idValidTo')} required={isResident} label={t('ac.idValidTo')} hint={t('common.dateEndHint')} placeholder="YYYYMMDD" inputMode="numeric" maxLength={8} autoComplete="off" />
        {isResident ? (
          <Alert severity="info" icon={false} sx={{ fontSize: 13 }}>
            {t('ac.idValidHint')}
          </Alert>
        ) : null}
      </FormDialog>
      {confirming.dialog}
    </>
  );
}
