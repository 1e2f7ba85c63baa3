// U1, U3, U4, U5 忘记用户名: 企业管理员 / 企业操作员 / 个人用户. One usernameRecovery flow per account type:
// proven mobile → identity → (U1: further proofs) → the username(s); or 人工资料审核 after the mobile.
import { useEffect, useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { isApiError } from '../../api/client';
import { flowsApi } from '../../api/endpoints';
import type { FlowState, FlowType } from '../../api/types';
import { CaptchaImage } from '../../components/CaptchaImage';
import { idTypeOptions } from '../../components/idTypes';
import { PageShell } from '../../components/PageShell';
import { useLanguage, useT, type MessageKey } from '../../i18n';

type Variant = 'admin' | 'operator' | 'individual';
const VARIANTS: Variant[] = ['admin', 'operator', 'individual'];
const PERSON = ['name', 'idType', 'idNumber', 'idValidFrom', 'idValidTo'];
const BANKS = ['ccb', 'abc', 'cmbc'];

export function UsernameRecoveryPage() {
  const t = useT();
  const { lang } = useLanguage();
  const [variant, setVariant] = useState<Variant>('admin');
  const [flow, setFlow] = useState<FlowState | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({ idType: 'resident', legalRepIdType: 'resident', method: 'legalRep' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState('');
  const [busy, setBusy] = useState(false);
  const [captchaKey, setCaptchaKey] = useState(0);
  const [captchaId, setCaptchaId] = useState('');
  const [uploadId, setUploadId] = useState('');
  const [realName, setRealName] = useState(false); // U4/U5: identity + bank card four elements
  const data = (flow?.data ?? {}) as Record<string, any>;
  const withEnterprise = variant !== 'individual';

  const text = (name: string, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      key={name}
      label={label}
      value={fields[name] ?? ''}
      onChange={(e) => setFields((f) => ({ ...f, [name]: e.target.value }))}
      error={!!errors[name]}
      helperText={errors[name] ?? ' '}
      fullWidth
      size="small"
      slotProps={{ htmlInput: { 'data-testid': `field-${name}` } }}
      {...extra}
    />
  );
  const idTypeSelect = (name: string, label: string) =>
    text(name, label, { select: true, children: idTypeOptions(lang).map((o) => <MenuItem key={o.value} value={o.value}>{o.label}</MenuItem>) });
  const captcha = () => (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
      {text('captcha', t('recovery.captcha'), { autoComplete: 'off' })}
      <CaptchaImage reloadKey={captchaKey} onCaptchaId={setCaptchaId} onReload={() => setFields((f) => ({ ...f, captcha: '' }))} />
    </Box>
  );
  const pick = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, fields[k] ?? '']));
  const personFields = (prefix = '') =>
    PERSON.map((k) => {
      const name = prefix ? `${prefix}${k[0].toUpperCase()}${k.slice(1)}` : k;
      const label = t(`usernameRecovery.${prefix || 'self'}.${k}` as MessageKey);
      return k === 'idType' ? idTypeSelect(name, label) : text(name, label);
    });

  const run = async (step: string, body: Record<string, unknown>, usesCaptcha = false) => {
    setBusy(true);
    setErrors({});
    setAlert('');
    try {
      let current = flow;
      if (!current) {
        current = await flowsApi.start('usernameRecovery' as FlowType, variant);
        setFlow(current);
      }
      const next = await flowsApi.step(current.flowId, step, usesCaptcha ? { ...body, captchaId, captcha: fields.captcha ?? '' } : body);
      setFlow(next);
      return next;
    } catch (e) {
      if (isApiError(e) && Object.keys(e.fields).length > 0) {
        setErrors(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, v.message ?? v.code])));
        const general = e.fields.proof ?? e.fields.method;
        if (general) setAlert(general.message ?? general.code);
      } else setAlert(isApiError(e) ? e.message : t('common.unexpected'));
      // A refused step may still have changed the flow (attempts left, manual review offered).
      const id = flow?.flowId;
      if (id) await flowsApi.get(id).then(setFlow, () => undefined);
      return null;
    } finally {
      if (usesCaptcha) setCaptchaKey((k) => k + 1);
      setBusy(false);
    }
  };

  const upload = async (file: File | undefined) => {
    if (!file || !flow) return;
    const form = new FormData();
    form.append('flowId', flow.flowId);
    form.append('kind', 'license');
    form.append('file', file);
    const res = await fetch('/api/review-uploads', { method: 'POST', body: form, credentials: 'same-origin' });
    const json = await res.json().catch(() => null);
    if (res.ok) setUploadId(json.uploadId);
    else setErrors((er) => ({ ...er, uploads: json?.error?.fields?.file?.message ?? json?.error?.message ?? '' }));
  };

  const step = flow?.step ?? 'mobile';
  // U2: while the bank's page (another tab) authenticates the UKey, follow the waiting flow.
  const waitingFlowId = step === 'bank' && flow?.status === 'active' ? flow.flowId : null;
  useEffect(() => {
    if (!waitingFlowId) return;
    const timer = setInterval(() => {
      flowsApi.get(waitingFlowId).then(setFlow, () => undefined);
    }, 1500);
    return () => clearInterval(timer);
  }, [waitingFlowId]);
  let body: ReactNode;
  if (flow?.status === 'completed' && data.result === 'found') {
    body = (
      <Box sx={{ textAlign: 'center', py: 3 }} data-testid="usernames">
        <Typography sx={{ fontSize: 18, fontWeight: 600 }}>{t('usernameRecovery.found')}</Typography>
        {(data.usernames as string[]).map((u) => (
          <Typography key={u} sx={{ fontSize: 20, mt: 1 }}>
            {u}
          </Typography>
        ))}
        <Button component={RouterLink} to="/login" variant="contained" sx={{ mt: 3 }}>
          {t('recovery.relogin')}
        </Button>
      </Box>
    );
  } else if (flow?.status === 'completed' || flow?.status === 'expired') {
    body = <Alert severity={data.result === 'approved' ? 'success' : 'warning'}>{t(`usernameRecovery.result.${data.result ?? 'expired'}` as MessageKey)}</Alert>;
  } else if (step === 'mobile') {
    body = (
      <Box sx={{ maxWidth: 460, mx: 'auto' }}>
        {withEnterprise && text('enterpriseName', t('recovery.enterpriseName'))}
        {withEnterprise && text('orgCode', t('usernameRecovery.orgCode'))}
        {variant !== 'admin' && (
          <Tabs value={realName ? 1 : 0} onChange={(_e, v: number) => setRealName(v === 1)} sx={{ mb: 2 }}>
            <Tab value={0} label={t('usernameRecovery.byMobile')} />
            <Tab value={1} label={t(variant === 'operator' ? 'usernameRecovery.operatorRealName' : 'usernameRecovery.personalRealName')} />
          </Tabs>
        )}
        {realName && variant !== 'admin' && personFields()}
        {realName && variant !== 'admin' && text('cardNo', t('usernameRecovery.cardNo'))}
        {text('mobile', t(realName && variant !== 'admin' ? 'usernameRecovery.reservedMobile' : 'usernameRecovery.mobile'))}
        {captcha()}
        <Box sx={{ display: 'flex', gap: 1 }}>
          {text('smsCode', t('recovery.code'))}
          <Button variant="outlined" disabled={busy} onClick={() => void run('sendSmsCode', { mobile: fields.mobile ?? '' }, true)} sx={{ height: 40, whiteSpace: 'nowrap' }}>
            {t('recovery.sendCode')}
          </Button>
        </Box>
        <Button
          variant="contained"
          fullWidth
          disabled={busy}
          data-testid="username-next"
          onClick={() =>
            void run(realName && variant !== 'admin' ? 'realName' : 'mobile', pick(['mobile', 'smsCode', ...(withEnterprise ? ['enterpriseName', 'orgCode'] : []), ...(realName && variant !== 'admin' ? [...PERSON, 'cardNo'] : [])]))
          }
        >
          {t('recovery.next')}
        </Button>
      </Box>
    );
  } else if (step === 'identity' || step === 'more') {
    const more = step === 'more';
    body = (
      <Box sx={{ maxWidth: 460, mx: 'auto' }}>
        {data.mobileBound === false && <Alert severity="warning" sx={{ mb: 2 }}>{t('usernameRecovery.notBound')}</Alert>}
        {more && <Alert severity="info" sx={{ mb: 2 }}>{t('usernameRecovery.needed', { n: data.needed })}</Alert>}
        {more &&
          text('method', t('usernameRecovery.method'), {
            select: true,
            children: ['legalRep', 'admin', 'operators']
              .filter((m) => !(data.proven as string[]).includes(m))
              .map((m) => <MenuItem key={m} value={m}>{t(`usernameRecovery.method.${m}` as MessageKey)}</MenuItem>),
          })}
        {more && fields.method === 'operators' ? (
          <>
            {captcha()}
            {[0, 1].map((slot) => (
              <Box key={slot} sx={{ display: 'flex', gap: 1 }}>
                {text(`smsCode${slot}`, `${t('usernameRecovery.operatorCode')} ${(data.operators as string[])[slot] ?? ''}`)}
                <Button variant="outlined" disabled={busy} onClick={() => void run('sendOperatorCode', { slot }, true)} sx={{ height: 40, whiteSpace: 'nowrap' }}>
                  {t('recovery.sendCode')}
                </Button>
              </Box>
            ))}
          </>
        ) : (
          personFields()
        )}
        <Button
          variant="contained"
          fullWidth
          disabled={busy}
          onClick={() => void run(more ? 'more' : 'identity', more ? { method: fields.method, ...(fields.method === 'operators' ? pick(['smsCode0', 'smsCode1']) : pick(PERSON)) } : pick(PERSON))}
        >
          {t('recovery.next')}
        </Button>
        {variant === 'admin' && (
          <Box sx={{ mt: 3 }}>
            <Typography sx={{ fontWeight: 600, mb: 1 }}>{t('usernameRecovery.bankTitle')}</Typography>
            {/* 000 §2.3.1.2 step 1: the USCC beside the name and organization code typed at step 1 */}
            {text('uscc', t('recovery.uscc'))}
            <Box sx={{ display: 'flex', gap: 1 }}>
              {BANKS.map((b) => (
                <Button key={b} variant="outlined" data-testid={`bank-${b}`} onClick={() => void run('chooseBank', { bank: b, uscc: fields.uscc ?? '' })}>
                  {t(`usernameRecovery.bank.${b}` as MessageKey)}
                </Button>
              ))}
            </Box>
          </Box>
        )}
        <Link component="button" sx={{ mt: 2 }} onClick={() => void run('requestReview', {})}>
          {t('usernameRecovery.manual')}
        </Link>
      </Box>
    );
  } else if (step === 'bank') {
    body = (
      <Box sx={{ maxWidth: 460, mx: 'auto' }}>
        <Alert severity="info" sx={{ mb: 2 }}>{t('usernameRecovery.atBank', { bank: t(`usernameRecovery.bank.${data.bank}` as MessageKey) })}</Alert>
        {data.bankError && <Alert severity="error" sx={{ mb: 2 }}>{t('usernameRecovery.bankOther')}</Alert>}
        <Button
          variant="contained"
          fullWidth
          data-testid="open-bank"
          onClick={() => window.open(`/dev/bank/${data.bank}/${flow!.flowId}`, '_blank')}
        >
          {t('usernameRecovery.simulateBank')}
        </Button>
        <Link component="button" sx={{ mt: 2 }} onClick={() => void run('requestReview', {})}>
          {t('usernameRecovery.manual')}
        </Link>
      </Box>
    );
  } else if (step === 'review') {
    body = (
      <Box sx={{ maxWidth: 520, mx: 'auto' }}>
        {data.review?.moreReason && <Alert severity="warning" sx={{ mb: 2 }}>{t('recovery.moreAsked')} {data.review.moreReason}</Alert>}
        {withEnterprise && text('enterpriseName', t('recovery.enterpriseName'))}
        {withEnterprise && text('orgCode', t('usernameRecovery.orgCode'))}
        {withEnterprise && personFields('legalRep')}
        {personFields()}
        <Typography variant="body2" sx={{ mb: 1 }}>
          {t('recovery.uploadRule')} {uploadId ? '✓' : ''}
        </Typography>
        <input type="file" accept=".jpg,.jpeg,.png,.bmp" onChange={(e) => void upload(e.target.files?.[0])} />
        {errors.uploads && <Typography color="error" variant="body2">{errors.uploads}</Typography>}
        {captcha()}
        <Button
          variant="contained"
          fullWidth
          disabled={busy}
          onClick={() =>
            void run('submitReview', { ...pick([...PERSON, ...(withEnterprise ? ['enterpriseName', 'orgCode', ...PERSON.map((k) => `legalRep${k[0].toUpperCase()}${k.slice(1)}`)] : [])]), uploads: uploadId ? [uploadId] : [] }, true)
          }
        >
          {t('recovery.next')}
        </Button>
      </Box>
    );
  } else {
    body = <Alert severity="info">{t('usernameRecovery.waiting')}</Alert>;
  }

  return (
    <PageShell section={t('usernameRecovery.title')} maxWidth={1040}>
      <Paper variant="outlined" sx={{ px: { xs: 2, md: 5 }, py: 4, maxWidth: 960, mx: 'auto' }}>
        <Typography component="h1" sx={{ fontSize: 21, fontWeight: 600, mb: 2, textAlign: 'center' }}>
          {t('usernameRecovery.title')}
        </Typography>
        <Tabs value={variant} onChange={(_e, v: Variant) => { if (!flow || flow.step === 'mobile') { setVariant(v); setFlow(null); } }} centered sx={{ mb: 3 }}>
          {VARIANTS.map((v) => (
            <Tab key={v} value={v} label={t(`usernameRecovery.variant.${v}` as MessageKey)} />
          ))}
        </Tabs>
        {alert && <Alert severity="error" sx={{ mb: 2 }}>{alert}</Alert>}
        {body}
      </Paper>
    </PageShell>
  );
}
