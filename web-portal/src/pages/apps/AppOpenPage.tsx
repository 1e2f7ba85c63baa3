// /apps/open?ticket=…: the business system at the other end of a launch, simulated. It redeems the
// ticket once (POST /api/apps/tickets/redeem) and greets the user the ticket was issued to.
import { useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { appPermissionItem } from '../../../../domain';
import { manageApi, type RedeemedTicket } from '../../api/manageEndpoints';
import { PageShell } from '../../components/PageShell';
import { useLanguage } from '../../i18n';

export function AppOpenPage() {
  const { t, lang } = useLanguage();
  const [params] = useSearchParams();
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'ok'; result: RedeemedTicket } | { kind: 'invalid' }>({ kind: 'loading' });
  const asked = useRef(false);

  useEffect(() => {
    if (asked.current) return; // single use: never twice, not even in React's development double run
    asked.current = true;
    manageApi
      .redeem(params.get('ticket') ?? '')
      .then((result) => setState({ kind: 'ok', result }))
      .catch(() => setState({ kind: 'invalid' }));
  }, [params]);

  const item = state.kind === 'ok' ? appPermissionItem(state.result.item) : undefined;
  return (
    <PageShell section={t('apps.sim.title')}>
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 720, mx: 'auto' }} data-testid="app-open-page">
        {state.kind === 'loading' ? <Typography color="text.secondary">{t('common.loading')}</Typography> : null}
        {state.kind === 'invalid' ? (
          <Alert severity="error" data-testid="app-open-invalid">
            {t('apps.sim.invalid')}
          </Alert>
        ) : null}
        {state.kind === 'ok' ? (
          <>
            <Typography variant="h6" sx={{ mb: 1 }} data-testid="app-open-welcome">
              {t('apps.sim.welcome', { name: state.result.account.name, username: state.result.account.username, app: item ? (lang === 'en' ? item.en : item.zh) : state.result.item })}
            </Typography>
            {state.result.enterprise ? <Typography sx={{ mb: 2 }}>{t('apps.sim.enterprise', { name: state.result.enterprise.name, uscc: state.result.enterprise.uscc })}</Typography> : null}
            <Alert severity="info">{t('apps.sim.note')}</Alert>
          </>
        ) : null}
        <Button component={RouterLink} to="/apps" sx={{ mt: 3 }} variant="outlined">
          {t('apps.sim.back')}
        </Button>
      </Paper>
    </PageShell>
  );
}
