// 账号信息 (manual 000 §3.1, 001 ch.3) for every account type — A1 the view (administrator:
// enterprise + account; operator: its enterprise's name + account; individual: account +
// enterprise information; overseas: its information), A2 the changes (修改, 信息变更, 补充注册编号,
// 修改企业信息), A3 password, bound mobile, e-mail, A4 activation, A5 账户设置 and A6 同步更新.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import { countryLabel } from '../../../../domain';
import { accountCenterApi, type AccountCenterView, type ChangeResult } from '../../api/accountEndpoints';
import { describeError } from '../../api/errors';
import { idTypeLabel } from '../../components/idTypes';
import { InfoList, type InfoItem } from '../../components/InfoList';
import { SectionTitle } from '../../components/SectionTitle';
import { formatDateTime, formatValidity } from '../../format';
import { useLanguage, type Translate } from '../../i18n';
import { useSession } from '../../session/SessionContext';
import { ActivateDialog } from './ActivateDialog';
import { ChangeEmailDialog } from './ChangeEmailDialog';
import { ChangeMobileDialog } from './ChangeMobileDialog';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { levelLabel } from './confirmConsequences';
import { EnterpriseInfoDialog } from './EnterpriseInfoDialog';
import { EnterpriseSyncDialog } from './EnterpriseSyncDialog';
import { IdentityDialog } from './IdentityDialog';
import { OverseasInfoDialog } from './OverseasInfoDialog';
import { RegNoDialog } from './RegNoDialog';
import { SettingsDialog } from './SettingsDialog';

type DialogName = 'password' | 'activate' | 'identity' | 'legalRep' | 'enterpriseInfo' | 'overseas' | 'regNo' | 'mobile' | 'email' | 'settings' | 'sync';

const KIND_LABEL: Record<AccountCenterView['kind'], Parameters<Translate>[0]> = {
  admin: 'account.kind.admin',
  operator: 'account.kind.operator',
  individual: 'ac.kind.individual',
  overseas: 'ac.kind.overseas',
  department: 'ac.kind.department',
};

/** The seed's 修改 / 设置 link beside a row. */
function RowButton({ onClick, testId, children }: { onClick: () => void; testId: string; children: ReactNode }) {
  return (
    <Button size="small" variant="text" onClick={onClick} data-testid={testId} sx={{ minWidth: 0, px: 1 }}>
      {children}
    </Button>
  );
}

export function AccountPage() {
  const { t, lang } = useLanguage();
  const session = useSession();
  const [account, setAccount] = useState<AccountCenterView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<DialogName | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [activated, setActivated] = useState(false);
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;

  const load = useCallback(async () => {
    try {
      setAccount(await accountCenterApi.get());
      setError(null);
    } catch (e) {
      setError(`${t('account.loadFailed')}：${describeError(e, t)}`);
    }
  }, [t]);

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const close = () => setOpen(null);
  const saved = (r: ChangeResult) => {
    setAccount(r.account);
    setOpen(null);
    const lines = [
      ...r.consequences.cardsUnbound.map((c) => t('ac.unbound', { cardNo: c.cardNo })),
      ...r.consequences.realNameVoided.map((v) => t('ac.voided', { username: v.username })),
    ];
    setDone(lines.length ? t('ac.savedWith', { what: lines.join(lang === 'en' ? '; ' : '；') }) : t('ac.saved'));
    void session.reload();
  };
  const flowDone = (message: string) => {
    setOpen(null);
    setDone(message);
    void load();
  };

  if (!account) {
    return error ? (
      <Alert severity="error" action={<Button onClick={() => void load()}>{t('common.retry')}</Button>}>
        {error}
      </Alert>
    ) : null;
  }

  const a = account;
  const ent = a.enterprise;
  const inactive = a.status === 'inactive';
  const statusLabel = a.status === 'active' ? t('account.status.active') : inactive ? t('account.status.inactive') : t('account.status.disabled');
  const modify = (name: DialogName, testId: string, label = t('account.change')) => <RowButton onClick={() => setOpen(name)} testId={testId}>{label}</RowButton>;

  // ---- the account card: what every type shows, then its own rows
  const identityRows: InfoItem[] =
    a.kind === 'overseas'
      ? []
      : [
          {
            label: a.kind === 'admin' ? t('account.kind.admin') : t('account.name'),
            value: a.name,
            testId: 'account-name',
            // Individuals have 修改账号信息 on the card's title instead (manual 000 §3.1).
            action: a.can.identity && a.kind !== 'individual' ? modify('identity', 'change-identity') : null,
          },
          { label: t('account.idType'), value: a.idType ? idTypeLabel(a.idType, lang) : t('common.none'), testId: 'account-id-type' },
          { label: t('account.idNumber'), value: a.idNumberMasked || t('common.none'), testId: 'account-id-number' },
          { label: t('account.validity'), value: formatValidity(a.idValidFrom, a.idValidTo, t), testId: 'account-validity' },
        ];
  const accountItems: InfoItem[] = [
    { label: t('account.username'), value: a.username, testId: 'account-username' },
    {
      label: t('account.kind'),
      value: (
        <>
          {t(KIND_LABEL[a.kind])}
          {a.migrated ? <Chip size="small" label={t('ac.migrated')} sx={{ ml: 1 }} data-testid="account-migrated" /> : null}
        </>
      ),
      testId: 'account-kind',
    },
    ...(a.kind === 'operator' && ent ? [{ label: t('account.belongsTo'), value: ent.name, testId: 'account-enterprise' }] : []),
    ...identityRows,
    ...(a.kind === 'operator'
      ? [{ label: t('ac.personalInfo'), value: t('ac.personalInfoOperatorHint'), testId: 'account-personal', action: modify('email', 'change-personal') }]
      : []),
    {
      label: t('ac.realName'),
      value: <Chip size="small" variant="outlined" color={a.realNameLevel === 'none' ? 'default' : 'success'} label={a.realNameMethod === 'icCard' ? `${levelLabel(a.realNameLevel, t)} · ${t('ac.realName.icCard')}` : levelLabel(a.realNameLevel, t)} />,
      testId: 'account-real-name',
    },
    ...(a.kind === 'admin' || a.kind === 'operator'
      ? [{ label: t('ac.card'), value: a.card ? a.card.cardNo : t('ac.noCard'), testId: 'account-card-no' }]
      : []),
    inactive
      ? { label: t('account.password'), value: t('account.passwordNotSet'), testId: 'account-password', action: modify('activate', 'activate-row', t('account.activate')) }
      : { label: t('account.password'), value: '********', testId: 'account-password', action: modify('password', 'change-password') },
    { label: t('account.mobile'), value: a.mobile || t('common.none'), testId: 'account-mobile', action: modify('mobile', 'change-mobile') },
    { label: t('account.email'), value: a.emailMasked || t('common.none'), testId: 'account-email', action: modify('email', 'change-email') },
    {
      label: t('ac.settings'),
      value: a.mobileLogin ? <Chip size="small" color="success" label={t('ac.mobileLoginOn')} /> : t('common.none'),
      testId: 'account-settings',
      action: modify('settings', 'open-settings', t('ac.set')),
    },
    {
      label: t('account.status'),
      value: <Chip size="small" color={a.status === 'active' ? 'success' : inactive ? 'warning' : 'default'} variant="outlined" label={statusLabel} />,
      testId: 'account-status',
    },
    { label: t('account.createdAt'), value: formatDateTime(a.createdAt, lang), testId: 'account-created' },
    { label: t('account.lastLoginAt'), value: a.previousLoginAt ? formatDateTime(a.previousLoginAt, lang) : t('account.firstLogin'), testId: 'account-last-login' },
  ];

  // ---- the administrator's enterprise
  const enterpriseItems: InfoItem[] = ent
    ? [
        { label: t('account.enterpriseName'), value: ent.name, testId: 'enterprise-name' },
        { label: t('account.uscc'), value: ent.uscc, testId: 'enterprise-uscc' },
        { label: t('account.orgCode'), value: ent.orgCode, testId: 'enterprise-org-code' },
        { label: t('ac.englishName'), value: ent.englishName || t('common.none'), testId: 'enterprise-english-name' },
        {
          label: t('account.legalRepName'),
          value: ent.legalRepName,
          testId: 'enterprise-legal-rep',
          action: a.can.legalRep ? modify('legalRep', 'change-legal-rep') : null,
        },
        { label: t('account.legalRepIdType'), value: idTypeLabel(ent.legalRepIdType, lang), testId: 'enterprise-legal-rep-id-type' },
        { label: t('account.legalRepIdNumber'), value: ent.legalRepIdNumberMasked, testId: 'enterprise-legal-rep-id' },
        { label: t('account.legalRepValidity'), value: formatValidity(ent.legalRepIdValidFrom, ent.legalRepIdValidTo, t), testId: 'enterprise-legal-rep-validity' },
        { label: t('ac.address'), value: ent.address || t('common.none'), testId: 'enterprise-address' },
        { label: t('ac.syncedAt'), value: formatDateTime(ent.infoSyncedAt, lang), testId: 'enterprise-synced-at' },
      ]
    : [];

  // ---- the enterprise information of individuals and migrated users
  const info = a.enterpriseInfo;
  const enterpriseInfoItems: InfoItem[] = info
    ? [
        { label: t('ac.uscc'), value: info.uscc || t('ac.notFilled'), testId: 'info-uscc' },
        { label: t('ac.orgCode'), value: info.orgCode || t('ac.notFilled'), testId: 'info-org-code' },
        { label: t('ac.enterpriseName'), value: info.name || t('ac.notFilled'), testId: 'info-name' },
        { label: t('ac.legalRepName'), value: info.legalRepName || t('ac.notFilled'), testId: 'info-legal-rep' },
      ]
    : [];

  // ---- overseas users
  const o = a.overseas;
  const overseasItems: InfoItem[] = o
    ? [
        { label: t('ac.country'), value: countryLabel(o.country, lang), testId: 'overseas-country' },
        {
          label: t('ac.regNo'),
          value: o.regNo || t('ac.notFilled'),
          testId: 'overseas-regno',
          action: o.regNo ? null : modify('regNo', 'fill-regno', t('ac.regNoFill')),
        },
        { label: t('ac.organization'), value: o.organization, testId: 'overseas-organization' },
        { label: t('ac.department'), value: o.department || t('common.none'), testId: 'overseas-department' },
        { label: t('ac.jobTitle'), value: o.jobTitle || t('common.none'), testId: 'overseas-job-title' },
        { label: t('ac.contact'), value: o.contact, testId: 'overseas-contact' },
        { label: t('ac.contactPhone'), value: o.contactPhone, testId: 'overseas-phone' },
        { label: t('ac.fax'), value: o.fax || t('common.none'), testId: 'overseas-fax' },
        { label: t('ac.contactAddress'), value: o.address, testId: 'overseas-address' },
        { label: t('ac.notes'), value: o.notes || t('common.none'), testId: 'overseas-notes' },
      ]
    : [];

  return (
    <Box sx={{ display: 'grid', gap: 2.5 }}>
      {notice && !activated && !done ? (
        <Alert severity="success" data-testid="account-notice">
          {notice}
        </Alert>
      ) : null}
      {done ? (
        <Alert severity="success" data-testid="account-done" onClose={() => setDone(null)}>
          {done}
        </Alert>
      ) : null}
      {inactive ? (
        <Alert
          severity="warning"
          data-testid="account-inactive"
          action={
            <Button color="inherit" variant="outlined" size="small" onClick={() => setOpen('activate')} data-testid="activate">
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
          {t('account.activated', { username: a.username })}
        </Alert>
      ) : null}
      {error ? (
        <Alert severity="error" action={<Button onClick={() => void load()}>{t('common.retry')}</Button>}>
          {error}
        </Alert>
      ) : null}

      {a.kind === 'admin' && ent ? (
        <Paper variant="outlined" sx={{ p: 3 }} data-testid="enterprise-card">
          <SectionTitle
            action={
              <Box sx={{ display: 'flex', gap: 1 }}>
                {a.can.enterpriseInfo ? (
                  <Button variant="outlined" size="small" onClick={() => setOpen('enterpriseInfo')} data-testid="change-enterprise-info">
                    {t('ac.changeEnterpriseInfo')}
                  </Button>
                ) : null}
                {a.can.enterpriseSync ? (
                  <Button variant="contained" size="small" onClick={() => setOpen('sync')} data-testid="enterprise-sync">
                    {t('ac.enterpriseSync')}
                  </Button>
                ) : null}
              </Box>
            }
          >
            {t('account.enterpriseCard')}
          </SectionTitle>
          <InfoList items={enterpriseItems} />
        </Paper>
      ) : null}

      {o ? (
        <Paper variant="outlined" sx={{ p: 3 }} data-testid="overseas-card">
          <SectionTitle
            action={
              <Button variant="outlined" size="small" onClick={() => setOpen('overseas')} data-testid="change-overseas">
                {t('ac.infoChange')}
              </Button>
            }
          >
            {t('ac.overseasCard')}
          </SectionTitle>
          <InfoList items={overseasItems} />
        </Paper>
      ) : null}

      <Paper variant="outlined" sx={{ p: 3 }} data-testid="account-card">
        <SectionTitle
          action={
            a.kind === 'individual' && a.can.identity ? (
              <Button variant="outlined" size="small" onClick={() => setOpen('identity')} data-testid="change-account-info">
                {t('ac.changeAccountInfo')}
              </Button>
            ) : null
          }
        >
          {t('account.accountCard')}
        </SectionTitle>
        <InfoList items={accountItems} />
      </Paper>

      {info && a.kind !== 'admin' ? (
        <Paper variant="outlined" sx={{ p: 3 }} data-testid="enterprise-info-card">
          <SectionTitle
            action={
              <Button variant="outlined" size="small" onClick={() => setOpen('enterpriseInfo')} data-testid="change-enterprise-info">
                {t('ac.changeEnterpriseInfo')}
              </Button>
            }
          >
            {t('ac.enterpriseInfoCard')}
          </SectionTitle>
          <InfoList items={enterpriseInfoItems} />
        </Paper>
      ) : null}

      <ChangePasswordDialog open={open === 'password'} onClose={close} />
      <ActivateDialog
        open={open === 'activate'}
        onClose={close}
        onActivated={() => {
          setOpen(null);
          setActivated(true);
          void load();
          void session.reload();
        }}
      />
      <IdentityDialog mode="self" account={a} open={open === 'identity'} onClose={close} onSaved={saved} />
      {ent ? <IdentityDialog mode="legalRep" account={a} open={open === 'legalRep'} onClose={close} onSaved={saved} /> : null}
      {info ? <EnterpriseInfoDialog account={a} open={open === 'enterpriseInfo'} onClose={close} onSaved={saved} /> : null}
      {o ? <OverseasInfoDialog account={a} open={open === 'overseas'} onClose={close} onSaved={saved} onChangeEmail={() => setOpen('email')} /> : null}
      {o ? (
        <RegNoDialog
          account={a}
          open={open === 'regNo'}
          onClose={close}
          onSaved={(next) => {
            setAccount(next);
            setOpen(null);
            setDone(t('ac.saved'));
          }}
        />
      ) : null}
      <ChangeMobileDialog open={open === 'mobile'} onClose={close} onDone={flowDone} />
      <ChangeEmailDialog open={open === 'email'} onClose={close} onDone={flowDone} />
      <SettingsDialog account={a} open={open === 'settings'} onClose={close} onChanged={(next) => setAccount(next)} />
      <EnterpriseSyncDialog open={open === 'sync'} onClose={close} onSynced={saved} />
    </Box>
  );
}
