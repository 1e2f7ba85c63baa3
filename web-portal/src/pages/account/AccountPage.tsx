// A1: 账号信息 (and 企业信息 for administrators); A3: change the login password; A4: activate a
// card-created (inactive) account by setting its password.
import { useCallback, useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
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
import { ActivateDialog } from './ActivateDialog';
import { ChangePasswordDialog } from './ChangePasswordDialog';

export function AccountPage() {
  const { t, lang } = useLanguage();
  const session = useSession();
  const [account, setAccount] = useState<Account>(session.account);
  const [error, setError] = useState<string | null>(null);
  const [pwdOpen, setPwdOpen] = useState(false);
  const [activateOpen, setActivateOpen] = useState(false);
  const [activated, setActivated] = useState(false);
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;

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
  const inactive = account.status === 'inactive';
  const statusLabel =
    account.status === 'active' ? t('account.status.active') : inactive ? t('account.status.inactive') : t('account.status.disabled');

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
        <Chip size="small" color={account.status === 'active' ? 'success' : inactive ? 'warning' : 'default'} variant="outlined" label={statusLabel} />
      ),
      testId: 'account-status',
    },
    { label: t('account.createdAt'), value: formatDateTime(account.createdAt, lang), testId: 'account-created' },
    { label: t('account.lastLoginAt'), value: formatDateTime(account.lastLoginAt, lang), testId: 'account-last-login' },
    // 激活 instead of 修改 while the account has no password of its own (manual, 账号激活).
    inactive
      ? { label: t('account.password'), value: t('account.passwordNotSet'), testId: 'account-password' }
      : {
          label: t('account.password'),
          value: '********',
          testId: 'account-password',
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
      {notice && !activated ? (
        <Alert severity="success" data-testid="account-notice">
          {notice}
        </Alert>
      ) : null}
      {inactive ? (
        <Alert
          severity="warning"
          data-testid="account-inactive"
          action={
            <Button color="inherit" variant="outlined" size="small" onClick={() => setActivateOpen(true)} data-testid="activate">
              {t('account.activate')}
            </Button>
          }
        >
          <strong>{t('account.inactiveWarning')}</strong>
          <Box component="span" sx={{ display: 'block', mt: 0.25 }}>
            {t('account.inactiveHelp')}
          </Box>
        </Alert>
      ) : null}
      {activated ? (
        <Alert severity="success" data-testid="account-activated" onClose={() => setActivated(false)}>
          {t('account.activated', { username: account.username })}
        </Alert>
      ) : null}
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
      <ActivateDialog
        open={activateOpen}
        onClose={() => setActivateOpen(false)}
        onActivated={(a) => {
          setActivateOpen(false);
          setAccount(a);
          setActivated(true);
          void session.reload();
        }}
      />
    </Box>
  );
}
