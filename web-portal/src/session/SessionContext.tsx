// The logged-in account (GET /api/session), shared by the logged-in pages.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { isApiError } from '../api/client';
import { sessionApi } from '../api/endpoints';
import type { Account } from '../api/types';
import { useT } from '../i18n';
import { clearOpenTabs } from '../components/shell/useOpenTabs';

interface SessionValue {
  account: Account;
  reload: () => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside RequireSession');
  return ctx;
}

// 'out' after 退出 forgets the page the user was on: the next person starts at the account page.
type State = { kind: 'loading' } | { kind: 'in'; account: Account } | { kind: 'out'; loggedOut?: boolean } | { kind: 'error'; message: string };

/** Renders children only with a session; 401 sends the user to /login. */
export function RequireSession({ children }: { children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    try {
      const { account } = await sessionApi.status();
      if (!account) clearOpenTabs();
      setState(account ? { kind: 'in', account } : { kind: 'out' });
    } catch (e) {
      if (isApiError(e) && e.status === 401) setState({ kind: 'out' });
      else setState({ kind: 'error', message: isApiError(e) && e.status === 0 ? t('common.networkError') : t('common.unexpected') });
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  const logout = useCallback(async () => {
    try {
      await sessionApi.logout();
    } finally {
      clearOpenTabs(); // the next person on this browser starts with 首页 alone
      setState({ kind: 'out', loggedOut: true });
    }
  }, []);

  if (state.kind === 'out') return <Navigate to="/login" replace state={state.loggedOut ? undefined : { from: location.pathname }} />;
  if (state.kind === 'loading')
    return (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, justifyContent: 'center', py: 10 }}>
        <CircularProgress size={24} />
        <Typography color="text.secondary">{t('session.checking')}</Typography>
      </Box>
    );
  if (state.kind === 'error')
    return (
      <Box sx={{ maxWidth: 560, mx: 'auto', py: 8 }}>
        <Alert severity="error" action={<Button onClick={() => void load()}>{t('common.retry')}</Button>}>
          {state.message}
        </Alert>
      </Box>
    );
  return <SessionContext.Provider value={{ account: state.account, reload: load, logout }}>{children}</SessionContext.Provider>;
}
