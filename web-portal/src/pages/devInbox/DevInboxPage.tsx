// Developer inbox: SMS and mail sent by the simulators (GET /api/dev/outbox), refreshed every 3 s.
import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Link from '@mui/material/Link';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Mail from '@mui/icons-material/Mail';
import Sms from '@mui/icons-material/Sms';
import { isApiError } from '../../api/client';
import { devApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import type { OutboxMessage } from '../../api/types';
import { PageShell } from '../../components/PageShell';
import { SectionTitle } from '../../components/SectionTitle';
import { formatDateTime } from '../../format';
import { useLanguage } from '../../i18n';

const REFRESH_MS = 3000;

type State = { kind: 'loading' } | { kind: 'ok'; items: OutboxMessage[] } | { kind: 'off' } | { kind: 'error'; text: string };

export function DevInboxPage() {
  const { t, lang } = useLanguage();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    let timer = 0;
    const poll = async () => {
      try {
        const res = await devApi.outbox();
        if (live) setState({ kind: 'ok', items: res.items });
      } catch (e) {
        if (!live) return;
        if (isApiError(e) && e.status === 404) {
          setState({ kind: 'off' });
          return; // nothing to poll while simulators are off
        }
        setState({ kind: 'error', text: describeError(e, t) });
      }
      if (live) timer = window.setTimeout(() => void poll(), REFRESH_MS);
    };
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [t]);

  return (
    <PageShell section={t('dev.title')} maxWidth={1200}>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <SectionTitle action={<Link component={RouterLink} to="/dev/simulators" data-testid="to-simulators">{t('devsim.toSimulators')}</Link>}>{t('dev.title')}</SectionTitle>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('dev.subtitle')}
        </Typography>
        {state.kind === 'off' ? (
          <Alert severity="info" data-testid="simulators-off">
            {t('dev.off')}
          </Alert>
        ) : state.kind === 'error' ? (
          <Alert severity="error">{state.text}</Alert>
        ) : (
          <TableContainer sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 1 }}>
            <Table size="small" data-testid="outbox-table">
              <TableHead>
                <TableRow>
                  <TableCell>{t('dev.col.channel')}</TableCell>
                  <TableCell>{t('dev.col.to')}</TableCell>
                  <TableCell>{t('dev.col.body')}</TableCell>
                  <TableCell>{t('dev.col.time')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {state.kind === 'loading' ? (
                  <TableRow>
                    <TableCell colSpan={4} align="center" sx={{ py: 4, color: 'text.secondary' }}>
                      {t('common.loading')}
                    </TableCell>
                  </TableRow>
                ) : state.items.length === 0 ? (
                  <TableRow>
                    <TableCell colSpan={4} align="center" sx={{ py: 4, color: 'text.secondary' }}>
                      {t('dev.empty')}
                    </TableCell>
                  </TableRow>
                ) : (
                  state.items.map((m) => (
                    <TableRow key={m.id} hover data-testid="outbox-row">
                      <TableCell>
                        <Chip
                          size="small"
                          icon={m.channel === 'sms' ? <Sms /> : <Mail />}
                          label={m.channel === 'sms' ? t('dev.channel.sms') : t('dev.channel.mail')}
                          color={m.channel === 'sms' ? 'primary' : 'secondary'}
                          variant="outlined"
                        />
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{m.to}</TableCell>
                      <TableCell sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{m.body}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.createdAt, lang)}</TableCell>
                    </TableRow>
                  ))
                )}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Paper>
    </PageShell>
  );
}
