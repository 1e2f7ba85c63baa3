// P1–P3 忘记密码: 填写用户名 → 安全验证 → 重置密码 → 完成, with the manual review path (提交人工审核)
// when the legal-representative check fails. One passwordRecovery flow; every step is a flow step.
import { useEffect, useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CheckCircle from '@mui/icons-material/CheckCircle';
import { isApiError } from '../../api/client';
import { flowsApi } from '../../api/endpoints';
import type { FlowState, FlowType } from '../../api/types';
import { CaptchaImage } from '../../components/CaptchaImage';
import { idTypeOptions } from '../../components/idTypes';
import { PageShell } from '../../components/PageShell';
import { useLanguage, useT, type MessageKey } from '../../i18n';
import { ElicenseQr } from '../../components/ElicenseQr';
import { ReviewImagePicker, UploadLimits } from '../../components/ReviewImagePicker';
import { CodeSentNote, SmsCodeButton } from '../../components/SmsCodeButton';
import { messageFor } from '../../../../domain';

type Fields = Record<string, string>;
type Errors = Record<string, string>;
const METHODS = ['mobile', 'email', 'owner', 'legalRep', 'elicense'] as const;
const POLL_MS = 2000;
const UPLOAD_KINDS = ['idFront', 'idBack', 'license'] as const;

export function PasswordRecoveryPage() {
  const t = useT();
  const { lang } = useLanguage();
  const [flow, setFlow] = useState<FlowState | null>(null);
  const [fields, setFields] = useState<Fields>({ legalRepIdType: 'resident', idType: 'resident' });
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState('');
  const [busy, setBusy] = useState(false);
  const [captchaKey, setCaptchaKey] = useState(0);
  const [captchaId, setCaptchaId] = useState('');
  const [uploads, setUploads] = useState<Record<string, string>>({});
  const [submitted, setSubmitted] = useState(false);
  const [retypeId, setRetypeId] = useState(false); // review: type another legal-representative ID than the masked one
  const data = (flow?.data ?? {}) as Record<string, any>;

  const set = (name: string) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value }));
  /** A field; `hint` is the grey line under it until a problem takes its place. */
  const text = (name: string, label: string, { hint, ...extra }: Record<string, unknown> & { hint?: ReactNode } = {}) => (
    <TextField
      key={name}
      name={name}
      label={label}
      value={fields[name] ?? ''}
      onChange={set(name)}
      error={!!errors[name]}
      helperText={errors[name] ?? hint ?? ' '}
      fullWidth
      size="small"
      sx={{ mb: 0.5 }}
      slotProps={{ htmlInput: { 'data-testid': `field-${name}` } }}
      {...extra}
    />
  );
  const captcha = () => (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
      {text('captcha', t('recovery.captcha'), { autoComplete: 'off' })}
      <CaptchaImage reloadKey={captchaKey} onCaptchaId={setCaptchaId} onReload={() => setFields((f) => ({ ...f, captcha: '' }))} />
    </Box>
  );

  /**
   * 验证码 with the one code button: it counts down from the flow's resendAfter, and the note says
   * where the code went (the same answers for an unknown username: the flow sends a decoy code).
   */
  const codeRow = (field: 'smsCode' | 'emailCode', send: () => Promise<FlowState | null>, hint?: string) => {
    const email = field === 'emailCode';
    const sentTo = (email ? data.emailSentTo : data.smsSentTo) as string | null;
    return (
      <Box sx={{ mb: 1 }}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
          {text(field, t('recovery.code'), { hint: sentTo ? <CodeSentNote to={sentTo} email={email} /> : hint })}
          <SmsCodeButton
            testId="send-code"
            resendAfter={email ? data.emailResendAfter : data.resendAfter}
            labels={email ? { send: t('mail.send'), resend: t('mail.resend') } : undefined}
            onSend={async () => {
              const f = await send();
              if (!f) return false;
              return ((email ? f.data.emailResendAfter : f.data.resendAfter) as string | null) ?? null;
            }}
          />
        </Box>
      </Box>
    );
  };

  /** Runs a step; field problems go beside their fields, anything else above the form. */
  const run = async (step: string, body: Record<string, unknown>, usesCaptcha = false) => {
    setBusy(true);
    setErrors({});
    setAlert('');
    try {
      let current = flow;
      if (!current) {
        current = await flowsApi.start('passwordRecovery' as FlowType);
        setFlow(current);
      }
      const next = await flowsApi.step(current.flowId, step, usesCaptcha ? { ...body, captchaId, captcha: fields.captcha ?? '' } : body);
      setFlow(next);
      return next;
    } catch (e) {
      if (isApiError(e) && Object.keys(e.fields).length > 0) {
        setErrors(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, v.message ?? v.code])));
        if (e.fields.proof || e.fields._form) setAlert((e.fields.proof ?? e.fields._form).message ?? '');
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

  const step = flow?.step ?? 'username';
  const active = { username: 0, verify: 1, review: 1, waiting: 1, reset: 2, done: 3 }[step] ?? 0;
  let body: ReactNode;

  if (flow?.status === 'expired') {
    body = <Alert severity="warning">{t('recovery.expired')}</Alert>;
  } else if (flow?.status === 'completed' && data.result !== 'reset' && data.result !== 'approved') {
    body = (
      <Alert severity="warning" data-testid="recovery-result">
        {t(data.result === 'rejected' ? 'recovery.rejected' : 'recovery.closed')} {data.resultReason ?? ''}
      </Alert>
    );
  } else if (flow?.status === 'completed') {
    body = (
      <Box sx={{ textAlign: 'center', py: 3 }} data-testid="recovery-done">
        <CheckCircle sx={{ fontSize: 64, color: 'success.main' }} />
        <Typography sx={{ mt: 1.5, fontSize: 18 }}>{t('recovery.doneTitle')}</Typography>
        <Typography color="text.secondary">{t('recovery.doneText')}</Typography>
        <Typography sx={{ mt: 1 }}>
          {t('recovery.loginUsername')}: <b>{data.username}</b>
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, justifyContent: 'center', mt: 3 }}>
          <Button component={RouterLink} to="/" variant="outlined">
            {t('recovery.home')}
          </Button>
          <Button component={RouterLink} to="/login" variant="contained">
            {t('recovery.relogin')}
          </Button>
        </Box>
      </Box>
    );
  } else if (step === 'username') {
    body = (
      <Box component="form" onSubmit={(e) => { e.preventDefault(); void run('username', { username: fields.username ?? '' }, true); }} sx={{ maxWidth: 420, mx: 'auto' }}>
        {text('username', t('recovery.username'), { autoFocus: true })}
        {captcha()}
        <Button type="submit" variant="contained" fullWidth disabled={busy} data-testid="recovery-next">
          {t('recovery.next')}
        </Button>
      </Box>
    );
  } else if (step === 'verify') {
    const methods = ((data.methods as string[]) ?? []).filter((m) => (METHODS as readonly string[]).includes(m));
    const method = data.method as string | null;
    const verify = (extra: Record<string, unknown>) => void run('verify', extra);
    body = (
      <Box>
        <Typography sx={{ fontWeight: 600, mb: 1 }}>{t('recovery.chooseMethod')}</Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(4, 1fr)' }, gap: 1.5, mb: 2 }}>
          {methods.map((m) => (
            <Paper
              key={m}
              variant="outlined"
              data-testid={`method-${m}`}
              onClick={() => void run('chooseMethod', { method: m })}
              sx={{ p: 1.5, cursor: 'pointer', borderColor: method === m ? 'primary.main' : undefined, borderWidth: method === m ? 2 : 1 }}
            >
              <Typography sx={{ fontWeight: 600 }}>{t(`recovery.method.${m}` as MessageKey)}</Typography>
              <Typography variant="body2" color="text.secondary">
                {t(`recovery.methodHint.${m}` as MessageKey)}
              </Typography>
            </Paper>
          ))}
        </Box>
        {errors.method && <Alert severity="warning" data-testid="method-error">{errors.method}</Alert>}
        {alert && (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="recovery-alert">
            {alert}
          </Alert>
        )}
        {(method === 'mobile' || method === 'email') && (
          <Box sx={{ maxWidth: 460 }}>
            <TextField label={t(method === 'mobile' ? 'recovery.boundMobile' : 'recovery.boundEmail')} value={(method === 'mobile' ? data.boundMobile : data.boundEmail) ?? ''} fullWidth size="small" disabled sx={{ mb: 2 }} />
            {captcha()}
            {codeRow(method === 'mobile' ? 'smsCode' : 'emailCode', () => run(method === 'mobile' ? 'sendSmsCode' : 'sendEmailCode', {}, true))}
            <Button variant="contained" disabled={busy} data-testid="recovery-verify" onClick={() => verify(method === 'mobile' ? { smsCode: fields.smsCode ?? '' } : { emailCode: fields.emailCode ?? '' })}>
              {t('recovery.next')}
            </Button>
          </Box>
        )}
        {method === 'owner' && (
          <Box sx={{ maxWidth: 460 }}>
            {text('name', t('recovery.ownerName'))}
            {text('idType', t('recovery.idType'), { select: true, children: idTypeOptions(lang).map((o) => <MenuItem key={o.value} value={o.value}>{o.label}</MenuItem>) })}
            {text('idNumber', t('recovery.idNumber'))}
            <Button variant="contained" disabled={busy} data-testid="recovery-verify" onClick={() => verify({ name: fields.name ?? '', idType: fields.idType, idNumber: fields.idNumber ?? '' })}>
              {t('recovery.next')}
            </Button>
          </Box>
        )}
        {method === 'elicense' && flow && <ElicenseWait flow={flow} onFlow={setFlow} />}
        {method === 'legalRep' && (
          <Box sx={{ maxWidth: 520 }}>
            <Alert severity="info" sx={{ mb: 2 }}>{t('recovery.legalRepNote')}</Alert>
            {legalRepFields(text, t, lang)}
            {captcha()}
            {codeRow('smsCode', () => run('sendSmsCode', { mobile: fields.mobile ?? '' }, true))}
            <Button variant="contained" disabled={busy} data-testid="recovery-verify" onClick={() => verify(legalRepBody(fields))}>
              {t('recovery.next')}
            </Button>
            {data.manualReviewAvailable && (
              <Link component="button" sx={{ ml: 2 }} data-testid="request-review" onClick={() => void run('requestReview', {}).then((f) => {
                  if (!f) return;
                  // The masked ID number is shown as text, never put into a field (empty: the one typed before is kept).
                  setFields((x) => ({ ...x, ...(f.data as any).prefill, legalRepIdNumber: '', smsCode: '' }));
                  setRetypeId(false);
                })}>
                {t('recovery.requestReview')}
              </Link>
            )}
          </Box>
        )}
      </Box>
    );
  } else if (step === 'review') {
    body = (
      <Box sx={{ maxWidth: 560, mx: 'auto' }}>
        {data.review?.moreReason && <Alert severity="warning" sx={{ mb: 2 }}>{t('recovery.moreAsked')} {data.review.moreReason}</Alert>}
        {alert && <Alert severity="error" sx={{ mb: 2 }}>{alert}</Alert>}
        <Typography sx={{ fontWeight: 600, mb: 1 }}>{t('recovery.reviewInfo')}</Typography>
        {legalRepFields(text, t, lang, true, retypeId ? (
          <Box>
            {text('legalRepIdNumber', t('recovery.legalRepIdNumber'), { autoFocus: true })}
            <Link component="button" type="button" sx={{ mt: -0.5, mb: 1.5, display: 'block' }} onClick={() => { setRetypeId(false); setFields((x) => ({ ...x, legalRepIdNumber: '' })); }}>
              {t('recovery.idKeep')}
            </Link>
          </Box>
        ) : (
          <MaskedId masked={data.prefill?.legalRepIdNumber ?? ''} error={errors.legalRepIdNumber} onRetype={() => setRetypeId(true)} />
        ))}
        {codeRow('smsCode', () => run('sendSmsCode', { mobile: fields.mobile ?? '' }, true), t('recovery.reviewCodeHint'))}
        <Typography sx={{ fontWeight: 600, mb: 1 }}>{t('recovery.reviewUploads')}</Typography>
        <UploadLimits />
        {flow && UPLOAD_KINDS.map((kind) => (
          <ReviewImagePicker
            key={kind}
            flowId={flow.flowId}
            kind={kind}
            label={t(`recovery.upload.${kind}` as MessageKey)}
            onChange={(id) => setUploads((u) => { const next = { ...u }; if (id) next[kind] = id; else delete next[kind]; return next; })}
          />
        ))}
        {errors.uploads && <Typography color="error" variant="body2">{errors.uploads}</Typography>}
        <Typography sx={{ fontWeight: 600, my: 1 }}>{t('recovery.reviewPassword')}</Typography>
        {text('password', t('recovery.newPassword'), { type: 'password', autoComplete: 'new-password', helperText: errors.password ?? t('reg.passwordHint') })}
        {text('confirmPassword', t('recovery.confirmPassword'), { type: 'password' })}
        <Alert severity="info" sx={{ mb: 2 }}>{t('recovery.keepPassword')}</Alert>
        {captcha()}
        <Button
          variant="contained"
          fullWidth
          disabled={busy}
          data-testid="submit-review"
          onClick={() =>
            void run('submitReview', { ...legalRepBody(fields), uploads: Object.values(uploads), password: fields.password ?? '', confirmPassword: fields.confirmPassword ?? '' }, true).then((f) => f && setSubmitted(true))
          }
        >
          {t('recovery.next')}
        </Button>
      </Box>
    );
  } else if (step === 'waiting') {
    body = (
      <Alert severity="info" data-testid="review-waiting">
        {t('recovery.waiting')}
      </Alert>
    );
  } else if (step === 'reset') {
    body = (
      <Box sx={{ maxWidth: 420, mx: 'auto' }}>
        <TextField label={t('recovery.loginUsername')} value={data.username ?? ''} fullWidth size="small" disabled sx={{ mb: 2 }} />
        {text('password', t('recovery.newPassword'), { type: 'password', autoComplete: 'new-password', helperText: errors.password ?? t('reg.passwordHint') })}
        {text('confirmPassword', t('recovery.confirmPassword'), { type: 'password' })}
        <Button variant="contained" fullWidth disabled={busy} data-testid="recovery-reset" onClick={() => void run('reset', { password: fields.password ?? '', confirmPassword: fields.confirmPassword ?? '' })}>
          {t('recovery.next')}
        </Button>
      </Box>
    );
  }

  return (
    <PageShell section={t('recovery.title')} maxWidth={1040}>
      <Paper variant="outlined" sx={{ px: { xs: 2, md: 5 }, py: 4, maxWidth: 960, mx: 'auto' }}>
        <Typography component="h1" sx={{ fontSize: 21, fontWeight: 600, mb: 3, textAlign: 'center' }}>
          {t('recovery.title')}
        </Typography>
        <Stepper activeStep={active} alternativeLabel sx={{ mb: 4 }}>
          {(['recovery.step.username', 'recovery.step.verify', 'recovery.step.reset', 'recovery.step.done'] as MessageKey[]).map((k) => (
            <Step key={k}>
              <StepLabel>{t(k)}</StepLabel>
            </Step>
          ))}
        </Stepper>
        {step === 'username' && alert && <Alert severity="error" sx={{ mb: 2 }}>{alert}</Alert>}
        {body}
      </Paper>
      <Dialog open={submitted} onClose={() => setSubmitted(false)}>
        <DialogContent>{t('recovery.submittedDialog')}</DialogContent>
        <DialogActions>
          <Button onClick={() => setSubmitted(false)} data-testid="submitted-ok">
            {t('recovery.gotIt')}
          </Button>
        </DialogActions>
      </Dialog>
    </PageShell>
  );
}

function legalRepBody(f: Fields) {
  const keys = ['enterpriseName', 'uscc', 'legalRepName', 'legalRepIdType', 'legalRepIdNumber', 'legalRepIdValidFrom', 'legalRepIdValidTo', 'mobile', 'smsCode'];
  return Object.fromEntries(keys.map((k) => [k, f[k] ?? '']));
}

function legalRepFields(
  text: (name: string, label: string, extra?: Record<string, unknown> & { hint?: ReactNode }) => ReactNode,
  t: ReturnType<typeof useT>,
  lang: 'zh' | 'en',
  withValidity = false,
  /** Instead of the ID-number field: the review shows the number typed before, masked, as text. */
  idNumber: ReactNode = null,
) {
  return (
    <>
      {text('enterpriseName', t('recovery.enterpriseName'))}
      {text('uscc', t('recovery.uscc'))}
      {text('legalRepName', t('recovery.legalRepName'))}
      {text('legalRepIdType', t('recovery.legalRepIdType'), { select: true, children: idTypeOptions(lang).map((o) => <MenuItem key={o.value} value={o.value}>{o.label}</MenuItem>) })}
      {idNumber ?? text('legalRepIdNumber', t('recovery.legalRepIdNumber'))}
      {withValidity && text('legalRepIdValidFrom', t('recovery.validFrom'), { placeholder: 'YYYYMMDD', hint: t('date.hint') })}
      {withValidity && text('legalRepIdValidTo', t('recovery.validTo'), { placeholder: 'YYYYMMDD', hint: t('date.hintTo') })}
      {text('mobile', t('recovery.operatorMobile'))}
    </>
  );
}

/** The legal representative's ID number of the failed check, masked: read-only text, with a way to type another. */
function MaskedId({ masked, error, onRetype }: { masked: string; error?: string; onRetype: () => void }) {
  const t = useT();
  return (
    <Box sx={{ mb: 2 }} data-testid="masked-id">
      <Typography variant="body2" color="text.secondary">
        {t('recovery.legalRepIdNumber')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'baseline' }}>
        <Typography sx={{ fontFamily: 'monospace', fontSize: 16 }} data-testid="masked-id-value">
          {masked}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('recovery.idKept')}
        </Typography>
        <Link component="button" type="button" onClick={onRetype} data-testid="retype-id">
          {t('recovery.idRetype')}
        </Link>
      </Box>
      {error && <Typography color="error" variant="body2">{error}</Typography>}
    </Box>
  );
}

/**
 * P2 electronic business license: the flow waits for the provider's signed callback (a Temporal
 * signal) after the license holder scans this code; the page polls the flow until it moves on.
 * While simulators are on, the code opens the phone simulator, as a phone would.
 */
function ElicenseWait({ flow, onFlow }: { flow: FlowState; onFlow: (f: FlowState) => void }) {
  const t = useT();
  const { lang } = useLanguage();
  useEffect(() => {
    const timer = window.setInterval(() => {
      flowsApi.get(flow.flowId).then((f) => { if (f.step !== flow.step || f.data.licenseError !== flow.data.licenseError) onFlow(f); }, () => undefined);
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [flow, onFlow]);
  const licenseError = typeof flow.data.licenseError === 'string' ? flow.data.licenseError : null;
  return (
    <Box sx={{ display: 'flex', gap: 3, alignItems: 'center' }} data-testid="elicense-wait">
      <Link component={RouterLink} to={`/dev/elicense/${flow.flowId}`} target="_blank" sx={{ lineHeight: 0 }} aria-label={t('recovery.elicenseScan')}>
        <ElicenseQr flowId={flow.flowId} size={160} />
      </Link>
      <Box>
        <Typography sx={{ mb: 1 }}>{t('recovery.elicenseScan')}</Typography>
        {licenseError && <Alert severity="error" data-testid="elicense-error">{messageFor(licenseError, lang)}</Alert>}
      </Box>
    </Box>
  );
}
