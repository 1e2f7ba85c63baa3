// U1, U3, U4, U5 忘记用户名: 企业管理员 / 企业操作员 / 个人用户. One usernameRecovery flow per account type:
// proven mobile → identity → (U1: further proofs) → the username(s); or 人工资料审核 after the mobile.
// Step titles and wording follow 000 §2.3.1.1.1 (第一步：填写企业信息, 第二步：填写经办人信息,
// 第三步：企业其他信息验证): at step 3 the fields name the person of the chosen method and start empty.
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
import { ReviewImagePicker, UploadLimits } from '../../components/ReviewImagePicker';
import { CodeSentNote, SmsCodeButton } from '../../components/SmsCodeButton';
import { useLanguage, useT, type MessageKey } from '../../i18n';

type Variant = 'admin' | 'operator' | 'individual';
const VARIANTS: Variant[] = ['admin', 'operator', 'individual'];
const PERSON = ['name', 'idType', 'idNumber', 'idValidFrom', 'idValidTo'];
const BANKS = ['ccb', 'abc', 'cmbc'];
const MORE_METHODS = ['legalRep', 'admin', 'operators'] as const;
/** Step 3's own fields per method (never the step-2 person's), and their labels. */
const OTHER_PREFIX = { legalRep: 'otherLegalRep', admin: 'otherAdmin' } as const;
const OTHER_LABELS = { legalRep: 'usernameRecovery.other.legalRep', admin: 'usernameRecovery.admin' } as const;
const cap = (k: string) => `${k[0].toUpperCase()}${k.slice(1)}`;

export function UsernameRecoveryPage() {
  const t = useT();
  const { lang } = useLanguage();
  const [variant, setVariant] = useState<Variant>('admin');
  const [flow, setFlow] = useState<FlowState | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({
    idType: 'resident', legalRepIdType: 'resident', otherLegalRepIdType: 'resident', otherAdminIdType: 'resident', method: 'legalRep',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState('');
  const [busy, setBusy] = useState(false);
  const [captchaKey, setCaptchaKey] = useState(0);
  const [captchaId, setCaptchaId] = useState('');
  const [uploads, setUploads] = useState<Record<string, string>>({});
  const [realName, setRealName] = useState(false); // U4/U5: identity + bank card four elements
  const data = (flow?.data ?? {}) as Record<string, any>;
  const withEnterprise = variant !== 'individual';

  /** A field; `hint` is the grey line under it until a problem takes its place. */
  const text = (name: string, label: string, { hint, ...extra }: Record<string, unknown> & { hint?: ReactNode } = {}) => (
    <TextField
      key={name}
      label={label}
      value={fields[name] ?? ''}
      onChange={(e) => setFields((f) => ({ ...f, [name]: e.target.value }))}
      error={!!errors[name]}
      helperText={errors[name] ?? hint ?? ' '}
      fullWidth
      size="small"
      sx={{ mb: 0.5 }}
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
  /** Name, ID type, ID number and validity (YYYYMMDD) of one person: fields `${prefix}Name`…, labels `${labels}.name`…. */
  const personFields = (prefix = '', labels = `usernameRecovery.${prefix || 'self'}`) =>
    PERSON.map((k) => {
      const name = prefix ? `${prefix}${cap(k)}` : k;
      const label = t(`${labels}.${k}` as MessageKey);
      if (k === 'idType') return idTypeSelect(name, label);
      if (k === 'idValidFrom') return text(name, label, { placeholder: 'YYYYMMDD', hint: t('date.hint') });
      if (k === 'idValidTo') return text(name, label, { placeholder: 'YYYYMMDD', hint: t('date.hintTo') });
      return text(name, label);
    });
  const pickPrefixed = (prefix: string) => Object.fromEntries(PERSON.map((k) => [k, fields[`${prefix}${cap(k)}`] ?? '']));
  const title = (key: MessageKey) => (
    <Typography component="h2" sx={{ fontWeight: 600, fontSize: 17, mb: 2 }} data-testid="step-title">
      {t(key)}
    </Typography>
  );
  /** 验证码 with the one code button: the countdown from the flow's resendAfter and where the code went. */
  const codeRow = (field: string, label: string, send: () => Promise<FlowState | null>, sentTo: string | null, resendAfter: (f: FlowState) => string | null, testId = 'send-code') => (
    <Box sx={{ mb: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        {text(field, label, { hint: sentTo ? <CodeSentNote to={sentTo} testId={`${testId}-sent`} /> : undefined })}
        <SmsCodeButton
          key={flow?.flowId ?? 'new'} // another account type starts another flow: no countdown carried over
          testId={testId}
          resendAfter={flow ? resendAfter(flow) : null}
          onSend={async () => {
            const f = await send();
            return f ? resendAfter(f) : false;
          }}
        />
      </Box>
    </Box>
  );

  /** Runs a step; `errorPrefix` puts the server's person-field problems beside step 3's own fields. */
  const run = async (step: string, body: Record<string, unknown>, usesCaptcha = false, errorPrefix = '') => {
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
        const at = (k: string) => (errorPrefix && PERSON.includes(k) ? `${errorPrefix}${cap(k)}` : k);
        setErrors(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [at(k), v.message ?? v.code])));
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
        {title(withEnterprise ? 'usernameRecovery.step.company' : 'usernameRecovery.step.mobile')}
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
        {codeRow('smsCode', t('recovery.code'), () => run('sendSmsCode', { mobile: fields.mobile ?? '' }, true), data.smsSentTo ?? null, (f) => (f.data.resendAfter as string | null) ?? null)}
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
    const proven = (data.proven as string[] | undefined) ?? [];
    const open = MORE_METHODS.filter((m) => !proven.includes(m));
    // The chosen 认证方式; the first one still open when the choice was proven already.
    const method = (open as readonly string[]).includes(fields.method) ? (fields.method as (typeof MORE_METHODS)[number]) : open[0];
    const operators = (data.operators as string[] | undefined) ?? [];
    const resendAt = (slot: number) => (f: FlowState) => ((f.data.operatorResendAfter as (string | null)[] | undefined)?.[slot] ?? null);
    const submitMore = () =>
      method === 'operators'
        ? run('more', { method, ...pick(['smsCode0', 'smsCode1']) })
        : run('more', { method, ...pickPrefixed(OTHER_PREFIX[method]) }, false, OTHER_PREFIX[method]);
    body = (
      <Box sx={{ maxWidth: 460, mx: 'auto' }}>
        {more
          ? title('usernameRecovery.step.other')
          : title(variant === 'admin' ? 'usernameRecovery.step.handler' : withEnterprise ? 'usernameRecovery.step.person' : 'usernameRecovery.step.self')}
        {data.mobileBound === false && <Alert severity="warning" sx={{ mb: 2 }}>{t('usernameRecovery.notBound')}</Alert>}
        {!more && variant === 'admin' && <Alert severity="info" sx={{ mb: 2 }} data-testid="handler-note">{t('usernameRecovery.handlerNote')}</Alert>}
        {more && (
          <Alert severity="info" sx={{ mb: 2 }} data-testid="more-note">
            {t(data.needed >= 2 ? 'usernameRecovery.chooseTwo' : 'usernameRecovery.chooseOne')}
            {proven.length > 0 && (
              <Box component="span" sx={{ display: 'block', mt: 0.5 }} data-testid="proven">
                {t('usernameRecovery.proven', { methods: proven.map((m) => t(`usernameRecovery.method.${m}` as MessageKey)).join(lang === 'en' ? ', ' : '、') })}
              </Box>
            )}
          </Alert>
        )}
        {more &&
          text('method', t('usernameRecovery.methodCount', { n: data.needed }), {
            select: true,
            value: method,
            children: open.map((m) => <MenuItem key={m} value={m}>{t(`usernameRecovery.method.${m}` as MessageKey)}</MenuItem>),
          })}
        {!more && personFields()}
        {more && method === 'operators' && (
          <>
            {captcha()}
            {[0, 1].map((slot) => (
              <Box key={slot}>
                {codeRow(
                  `smsCode${slot}`,
                  t('usernameRecovery.operatorMobileCode', { name: operators[slot] ?? '' }),
                  () => run('sendOperatorCode', { slot }, true),
                  resendAt(slot)(flow!) ? operators[slot] ?? null : null,
                  resendAt(slot),
                  `send-operator-code-${slot}`,
                )}
              </Box>
            ))}
          </>
        )}
        {more && method !== 'operators' && personFields(OTHER_PREFIX[method], OTHER_LABELS[method])}
        <Button variant="contained" fullWidth disabled={busy} data-testid="username-next" onClick={() => void (more ? submitMore() : run('identity', pick(PERSON)))}>
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
        {title(withEnterprise ? 'usernameRecovery.step.reviewInfo' : 'usernameRecovery.step.reviewInfoSelf')}
        {withEnterprise && text('enterpriseName', t('recovery.enterpriseName'))}
        {withEnterprise && text('orgCode', t('usernameRecovery.orgCode'))}
        {withEnterprise && personFields('legalRep')}
        {personFields()}
        {title(withEnterprise ? 'usernameRecovery.step.reviewUploads' : 'usernameRecovery.step.reviewUploadsSelf')}
        <UploadLimits />
        {flow &&
          (withEnterprise ? (['idFront', 'idBack', 'license'] as const) : (['idFront', 'idBack'] as const)).map((kind) => (
            <ReviewImagePicker
              key={kind}
              flowId={flow.flowId}
              kind={kind}
              label={t(`usernameRecovery.upload.${kind}` as MessageKey)}
              onChange={(id) => setUploads((u) => { const next = { ...u }; if (id) next[kind] = id; else delete next[kind]; return next; })}
            />
          ))}
        {errors.uploads && <Typography color="error" variant="body2">{errors.uploads}</Typography>}
        {captcha()}
        <Button
          variant="contained"
          fullWidth
          disabled={busy}
          data-testid="submit-review"
          onClick={() =>
            void run('submitReview', { ...pick([...PERSON, ...(withEnterprise ? ['enterpriseName', 'orgCode', ...PERSON.map((k) => `legalRep${cap(k)}`)] : [])]), uploads: Object.values(uploads) }, true)
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
