// L1: username + password + image captcha. An admin-created operator's first login continues
// in the firstLogin flow (L2). Tab 卡介质登录: L3 card login (CardLoginPanel). Tab 手机号登录: L4
// mobile-number login (MobileLoginPanel).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { isApiError } from '../../api/client';
import { sessionApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import { CaptchaImage } from '../../components/CaptchaImage';
import { PageShell } from '../../components/PageShell';
import { focusFirstProblem } from '../../forms/focus';
import { useForm } from '../../forms/useForm';
import { useT } from '../../i18n';
import { CardLoginPanel } from './CardLoginPanel';
import { MobileLoginPanel } from './MobileLoginPanel';
import { LoginBanner } from './LoginBanner';

const EMPTY = { username: '', password: '', captcha: '' };
type LoginValues = typeof EMPTY;

function validate(v: LoginValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.username.trim()) e.username = 'required';
  if (!v.password) e.password = 'required';
  if (!v.captcha.trim()) e.captcha = 'required';
  return e;
}

type LoginTab = 'password' | 'card' | 'mobile';

interface LoginLocationState {
  from?: string;
  notice?: string;
}

export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const form = useForm<LoginValues>(EMPTY, validate);
  const { values } = form;
  const [captchaId, setCaptchaId] = useState('');
  const [captchaKey, setCaptchaKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<{ severity: 'error' | 'warning'; text: string; testId: string } | null>(null);
  const [loggedInAs, setLoggedInAs] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [search, setSearch] = useSearchParams();
  const tabParam = search.get('tab');
  const tab: LoginTab = tabParam === 'card' || tabParam === 'mobile' ? tabParam : 'password';
  const chooseTab = (next: LoginTab) =>
    setSearch(next === 'password' ? {} : { tab: next }, { replace: true, state: location.state });

  useEffect(() => {
    let live = true;
    sessionApi.status().then(
      ({ account }) => live && setLoggedInAs(account ? account.username : null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setAlert(null);
    if (!form.validateAll()) {
      focusFirstProblem(formRef.current, form.problemFields());
      return;
    }
    setBusy(true);
    try {
      const result = await sessionApi.login({
        username: values.username.trim(),
        password: values.password,
        captchaId,
        captcha: values.captcha.trim(),
      });
      if ('next' in result && result.next === 'firstLogin') {
        navigate(`/first-login/${encodeURIComponent(result.flowId)}`);
        return;
      }
      navigate(state.from && state.from !== '/login' ? state.from : '/account', { replace: true });
      return;
    } catch (err) {
      if (isApiError(err) && err.status === 429) {
        setAlert({
          severity: 'warning',
          testId: 'login-throttled',
          text: err.retryAfterSeconds ? t('login.throttled', { n: err.retryAfterSeconds }) : err.message || t('login.throttledNoTime'),
        });
      } else if (isApiError(err) && err.hasFields) {
        form.setServerProblems(err.fields);
        window.setTimeout(() => focusFirstProblem(formRef.current, Object.keys(err.fields)), 0);
      } else {
        setAlert({ severity: 'error', testId: 'login-error', text: describeError(err, t) });
      }
    } finally {
      setBusy(false);
    }
    // The captcha was spent by this attempt.
    setCaptchaKey((k) => k + 1);
  };

  const text = (name: keyof LoginValues) => ({
    id: `login-${name}`,
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => form.set(name, e.target.value),
    onBlur: () => form.blur(name),
    error: Boolean(form.error(name)),
    helperText: form.error(name),
    required: true,
    fullWidth: true,
  });

  return (
    <PageShell maxWidth={1200}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0,1fr) 400px' }, gap: 4, alignItems: 'stretch', py: { md: 3 } }}>
        <LoginBanner />
        <Paper elevation={3} sx={{ p: 4, borderTop: '4px solid', borderColor: 'primary.main' }}>
          <Typography component="h1" sx={{ fontSize: 22, fontWeight: 600, mb: 1 }}>
            {t('login.title')}
          </Typography>
          <Tabs
            value={tab}
            onChange={(_, v: LoginTab) => chooseTab(v)}
            variant="fullWidth"
            sx={{ mb: 2.5, borderBottom: 1, borderColor: 'divider', minHeight: 42, '& .MuiTab-root': { minHeight: 42, fontSize: { xs: 14, sm: 15 }, px: { xs: 0.5, sm: 2 }, minWidth: 0, whiteSpace: 'nowrap' } }}
          >
            <Tab value="password" label={t('login.tabPassword')} data-testid="tab-password" id="login-tab-password" aria-controls="login-panel-password" />
            <Tab value="card" label={t('login.tabCard')} data-testid="tab-card" id="login-tab-card" aria-controls="login-panel-card" />
            <Tab value="mobile" label={t('login.tabMobile')} data-testid="tab-mobile" id="login-tab-mobile" aria-controls="login-panel-mobile" />
          </Tabs>
          {state.notice ? (
            <Alert severity="success" sx={{ mb: 2 }} data-testid="login-notice">
              {state.notice}
            </Alert>
          ) : null}
          {loggedInAs ? (
            <Alert severity="info" sx={{ mb: 2 }} data-testid="already-logged-in">
              {t('login.alreadyIn', { username: loggedInAs })}{' '}
              <Link component={RouterLink} to="/account">
                {t('login.goAccount')}
              </Link>
            </Alert>
          ) : null}
          {alert && tab === 'password' ? (
            <Alert severity={alert.severity} sx={{ mb: 2 }} data-testid={alert.testId}>
              {alert.text}
            </Alert>
          ) : null}
          {tab === 'mobile' ? (
            <MobileLoginPanel from={state.from} />
          ) : tab === 'card' ? (
            <Box role="tabpanel" id="login-panel-card" aria-labelledby="login-tab-card">
              <CardLoginPanel from={state.from} />
            </Box>
          ) : (
            <Box component="form" role="tabpanel" id="login-panel-password" aria-labelledby="login-tab-password" ref={formRef} noValidate onSubmit={submit} sx={{ display: 'grid', gap: 2.25 }}>
              <TextField {...text('username')} label={t('login.username')} placeholder={t('login.usernamePlaceholder')} autoComplete="username" autoFocus />
              <TextField {...text('password')} type="password" label={t('login.password')} placeholder={t('login.passwordPlaceholder')} autoComplete="current-password" />
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
                <TextField {...text('captcha')} label={t('login.captcha')} autoComplete="off" slotProps={{ htmlInput: { maxLength: 8 } }} />
                <CaptchaImage reloadKey={captchaKey} onCaptchaId={setCaptchaId} onReload={() => form.setQuiet('captcha', '')} height={56} />
              </Box>
              <Button type="submit" variant="contained" size="large" disabled={busy} data-testid="login-submit" sx={{ py: 1.25, fontSize: 16 }}>
                {t('login.submit')}
              </Button>
            </Box>
          )}
          <Box sx={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mt: 2.5, gap: 0.5, '& > *': { whiteSpace: 'nowrap' } }}>
            <Link component={RouterLink} to="/forgot-username" data-testid="forgot-username-link">
              {t('login.forgotUsername')}
            </Link>
            <Link component={RouterLink} to="/forgot-password" data-testid="forgot-password-link" sx={{ mr: 'auto', ml: 1.5 }}>
              {t('login.forgotPassword')}
            </Link>
            <Typography variant="body2" color="text.secondary">
              {t('login.noAccount')}
            </Typography>
            <Link component={RouterLink} to="/register" data-testid="register-link" sx={{ fontWeight: 600 }}>
              {t('login.register')}
            </Link>
          </Box>
        </Paper>
      </Box>
    </PageShell>
  );
}
