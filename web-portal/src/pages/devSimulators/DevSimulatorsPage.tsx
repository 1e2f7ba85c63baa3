// Developer page: what every simulator knows (GET /api/dev/simulators), so each flow can be tried by
// hand: registry enterprises, identity people, bank cards, bank-UKey enterprises, e-license holders
// and MOFCOM filings. Development only (the route answers 404 otherwise and to other machines).
import { useEffect, useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { isApiError } from '../../api/client';
import { devApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import type { SimulatorData } from '../../api/types';
import { PageShell } from '../../components/PageShell';
import { SectionTitle } from '../../components/SectionTitle';
import { useT, type MessageKey } from '../../i18n';

type State = { kind: 'loading' } | { kind: 'ok'; data: SimulatorData } | { kind: 'off' } | { kind: 'error'; text: string };

/** Numbers and codes (ID, card, USCC) in a fixed-width font: easier to copy and compare. */
const codeLike = (cell: ReactNode) => typeof cell === 'string' && /^[\dA-Z]{6,}$/.test(cell);

/** One simulator's records: a titled table, values shown as typed into the forms. */
function DataTable({ id, title, columns, rows }: { id: string; title: MessageKey; columns: MessageKey[]; rows: ReactNode[][] }) {
  const t = useT();
  return (
    <Paper variant="outlined" sx={{ p: 3, mb: 2 }} data-testid={`sim-${id}`}>
      <SectionTitle>{t(title)}</SectionTitle>
      <TableContainer sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              {columns.map((c) => (
                <TableCell key={c}>{t(c)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((cells, i) => (
              <TableRow key={i} hover data-testid={`sim-${id}-row`}>
                {cells.map((cell, j) => (
                  <TableCell key={j} sx={{ whiteSpace: j < cells.length - 1 ? 'nowrap' : undefined, fontFamily: codeLike(cell) ? 'monospace' : undefined }}>
                    {cell}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}

export function DevSimulatorsPage() {
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    devApi.simulators().then(
      (data) => live && setState({ kind: 'ok', data }),
      (e) => live && setState(isApiError(e) && e.status === 404 ? { kind: 'off' } : { kind: 'error', text: describeError(e, t) }),
    );
    return () => {
      live = false;
    };
  }, [t]);

  const d = state.kind === 'ok' ? state.data : null;
  return (
    <PageShell section={t('devsim.title')} maxWidth={1200}>
      <Paper variant="outlined" sx={{ p: 3, mb: 2 }}>
        <SectionTitle action={<Link component={RouterLink} to="/dev/inbox" data-testid="to-inbox">{t('devsim.toInbox')}</Link>}>{t('devsim.title')}</SectionTitle>
        <Typography variant="body2" color="text.secondary">
          {t('devsim.subtitle')}
        </Typography>
        {state.kind === 'off' ? (
          <Alert severity="info" sx={{ mt: 2 }} data-testid="simulators-off">{t('dev.off')}</Alert>
        ) : state.kind === 'error' ? (
          <Alert severity="error" sx={{ mt: 2 }}>{state.text}</Alert>
        ) : state.kind === 'loading' ? (
          <Typography sx={{ mt: 2 }} color="text.secondary">{t('common.loading')}</Typography>
        ) : null}
      </Paper>
      {d ? (
        <>
          <DataTable
            id="registry" title="devsim.registry"
            columns={['devsim.col.name', 'devsim.col.uscc', 'devsim.col.orgCode', 'devsim.col.legalRep', 'devsim.col.idNumber', 'devsim.col.status']}
            rows={d.registry.map((e) => [e.name, e.uscc, e.orgCode, e.legalRepName, e.legalRepIdNumber, e.status])}
          />
          <DataTable
            id="identity" title="devsim.identity"
            columns={['devsim.col.person', 'devsim.col.idType', 'devsim.col.idNumber', 'devsim.col.validity', 'devsim.col.note']}
            rows={d.identityPeople.map((p) => [p.name, p.idType, p.idNumber, `${p.validFrom} – ${p.validTo}`, p.note ?? ''])}
          />
          <DataTable
            id="bankCards" title="devsim.bankCards"
            columns={['devsim.col.person', 'devsim.col.idNumber', 'devsim.col.cardNo', 'devsim.col.mobile', 'devsim.col.bank', 'devsim.col.note']}
            rows={d.bankCards.map((c) => [c.name, c.idNumber, c.cardNo, c.mobile, c.bank, c.note])}
          />
          <DataTable
            id="bankUkey" title="devsim.bankUkey"
            columns={['devsim.col.name', 'devsim.col.uscc', 'devsim.col.status']}
            rows={d.bankUkey.enterprises.map((e) => [e.name, e.uscc, e.status])}
          />
          <DataTable
            id="elicense" title="devsim.elicense"
            columns={['devsim.col.name', 'devsim.col.uscc', 'devsim.col.legalRep']}
            rows={d.elicenseHolders.map((e) => [e.name, e.uscc, e.legalRepName])}
          />
          <DataTable
            id="mofcom" title="devsim.mofcom"
            columns={['devsim.col.name', 'devsim.col.uscc', 'devsim.col.importExportCode', 'devsim.col.filingNo', 'devsim.col.status']}
            rows={d.mofcomFilings.map((f) => [f.nameZh, f.uscc, f.importExportCode, f.filingNo, f.status])}
          />
        </>
      ) : null}
    </PageShell>
  );
}
