// A1: 账号信息 (and 企业信息 for administrators); A3: change the login password.
import { useCallback, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import { accountApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import type { Account } from '../../api/types';
import { idTypeLabel } from '../../components/idTypes';
import { InfoList, type InfoItem } from '../../components/InfoList';
import { SectionTitle } from '../../components/SectionTitle';
import { formatDateTime, formatValidity } from '../../format';
import { useLanguage } from '../../i18n';
import { useSession } from '../../session/SessionContext';
import { ChangePasswordDialog } from './ChangePasswordDialog';

export function AccountPage() {
  const { t, lang } = useLanguage();
  const session = useSession();
  const [account, setAccount] = useState<Account>(session.account);
  const [error, setError] = useState<string | null>(null);
  const [pwdOpen, setPwdOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      setAccount(await accountApi.get());
      setError(null);
    } catch (e) {
      setError(`${t('account.loadFailed')}：${describeError(e, t)}`);
    }
  }, [t]);

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const ent = account.enterprise ?? null;
  const isAdmin = account.kind === 'admin';

  const accountItems: InfoItem[] = [
    { label: t('account.username'), value: account.username, testId: 'account-username' },
    { label: t('account.kind'), value: isAdmin ? t('account.kind.admin') : t('account.kind.operator'), testId: 'account-kind' },
    { label: t('account.name'), value: account.name, testId: 'account-name' },
    { label: t('account.idType'), value: idTypeLabel(account.idType, lang), testId: 'account-id-type' },
    { label: t('account.idNumber'), value: account.idNumberMasked, testId: 'account-id-number' },
    { label: t('account.validity'), value: formatValidity(account.idValidFrom, account.idValidTo, t), testId: 'account-validity' },
    { label: t('account.mobile'), value: account.mobile || t('common.none'), testId: 'account-mobile' },
    { label: t('account.email'), value: account.email || t('common.none'), testId: 'account-email' },
    {
      label: t('account.status'),
      value: (
        <Chip
          size="small"
          color={account.status === 'active' ? 'success' : 'default'}
          variant="outlined"
          label={account.status === 'active' ? t('account.status.active') : t('account.status.disabled')}
        />
      ),
      testId: 'account-status',
    },
    { label: t('account.createdAt'), value: formatDateTime(account.createdAt, lang), testId: 'account-created' },
    { label: t('account.lastLoginAt'), value: formatDateTime(account.lastLoginAt, lang), testId: 'account-last-login' },
    {
      label: t('account.password'),
      value: '********',
      action: (
        <Button size="small" variant="text" onClick={() => setPwdOpen(true)} data-testid="change-password">
          {t('account.change')}
        </Button>
      ),
    },
  ];
  if (!isAdmin && ent) accountItems.splice(1, 0, { label: t('account.belongsTo'), value: ent.name, testId: 'account-enterprise' });

  const enterpriseItems: InfoItem[] = ent
    ? [
        { label: t('account.enterpriseName'), value: ent.name, testId: 'enterprise-name' },
        { label: t('account.uscc'), value: ent.uscc, testId: 'enterprise-uscc' },
        { label: t('account.orgCode'), value: ent.orgCode, testId: 'enterprise-org-code' },
        { label: t('account.legalRepName'), value: ent.legalRepName, testId: 'enterprise-legal-rep' },
        { label: t('account.legalRepIdType'), value: idTypeLabel(ent.legalRepIdType, lang), testId: 'enterprise-legal-rep-id-type' },
        { label: t('account.legalRepIdNumber'), value: ent.legalRepIdNumberMasked, testId: 'enterprise-legal-rep-id' },
        { label: t('account.legalRepValidity'), value: formatValidity(ent.legalRepIdValidFrom, ent.legalRepIdValidTo, t), testId: 'enterprise-legal-rep-validity' },
      ]
    : [];

  return (
    <Box sx={{ display: 'grid', gap: 2.5 }}>
      {error ? (
        <Alert severity="error" action={<Button onClick={() => void load()}>{t('common.retry')}</Button>}>
          {error}
        </Alert>
      ) : null}
      {isAdmin && ent ? (
        <Paper variant="outlined" sx={{ p: 3 }} data-testid="enterprise-card">
          <SectionTitle>{t('account.enterpriseCard')}</SectionTitle>
          <InfoList items={enterpriseItems} />
        </Paper>
      ) : null}
      <Paper variant="outlined" sx={{ p: 3 }} data-testid="account-card">
        <SectionTitle>{t('account.accountCard')}</SectionTitle>
        <InfoList items={accountItems} />
      </Paper>
      <ChangePasswordDialog open={pwdOpen} onClose={() => setPwdOpen(false)} />
    </Box>
  );
}
