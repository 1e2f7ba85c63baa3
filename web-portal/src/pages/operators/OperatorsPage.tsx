// O2/O3/O4/O5: 我的操作员 (administrators only): list, 新增无卡操作员, 新增有卡操作员, 修改 and
// 删除 (refused for an operator with a card while the administrator has none).
import { useCallback, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Tooltip from '@mui/material/Tooltip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import CreditCard from '@mui/icons-material/CreditCard';
import PersonAdd from '@mui/icons-material/PersonAdd';
import { isApiError } from '../../api/client';
import { operatorsApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import type { Operator } from '../../api/types';
import { idTypeLabel } from '../../components/idTypes';
import { SectionTitle } from '../../components/SectionTitle';
import { formatDateTime } from '../../format';
import { useLanguage } from '../../i18n';
import { useSession } from '../../session/SessionContext';
import { AddCardOperatorDialog } from './AddCardOperatorDialog';
import { AddOperatorDialog } from './AddOperatorDialog';
import { DeleteOperatorDialog } from './DeleteOperatorDialog';
import { EditOperatorDialog } from './EditOperatorDialog';

// The actions stay in view when the list is wider than the page.
const STICKY = { position: 'sticky', right: 0, boxShadow: 'inset 1px 0 0 rgba(0,0,0,0.12)', zIndex: 1 } as const;

export function OperatorsPage() {
  const { t, lang } = useLanguage();
  const { account } = useSession();
  const [items, setItems] = useState<Operator[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState(account.kind !== 'admin');
  const [adding, setAdding] = useState(false);
  const [addingCard, setAddingCard] = useState(false);
  const [editing, setEditing] = useState<Operator | null>(null);
  const [deleting, setDeleting] = useState<Operator | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const res = await operatorsApi.list();
      setItems(res.items);
      setError(null);
    } catch (e) {
      if (isApiError(e) && e.status === 403) setForbidden(true);
      else setError(`${t('ops.loadFailed')}：${describeError(e, t)}`);
    }
  }, [t]);

  useEffect(() => {
    if (account.kind === 'admin') void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [account.kind]);

  if (forbidden) return <Alert severity="warning" data-testid="operators-forbidden">{t('ops.adminOnly')}</Alert>;

  const headers = [
    t('ops.col.username'),
    t('ops.col.name'),
    t('ops.col.mobile'),
    t('ops.col.idType'),
    t('ops.col.idNumber'),
    t('ops.col.status'),
    t('ops.col.createdAt'),
    t('ops.col.mustChange'),
    t('ops.col.cardNo'),
    t('ops.col.actions'),
  ];

  /** 修改 / 删除, greyed out with the reason when the operator is protected (O5). */
  const rowAction = (op: Operator, label: string, testId: string, onClick: () => void, color?: 'error') => {
    const button = (
      <Button size="small" variant="text" color={color} onClick={onClick} disabled={Boolean(op.protected)} data-testid={testId} sx={{ minWidth: 0, px: 1 }}>
        {label}
      </Button>
    );
    return op.protected ? (
      <Tooltip title={t('ops.protected')} key={testId}>
        <span data-testid={`${testId}-protected`}>{button}</span>
      </Tooltip>
    ) : (
      <span key={testId}>{button}</span>
    );
  };

  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <SectionTitle
        action={
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button variant="outlined" startIcon={<PersonAdd />} onClick={() => setAdding(true)} data-testid="add-operator">
              {t('ops.add')}
            </Button>
            <Button variant="outlined" startIcon={<CreditCard />} onClick={() => setAddingCard(true)} data-testid="add-operator-card">
              {t('ops.addCard')}
            </Button>
          </Box>
        }
      >
        {t('ops.title')}
      </SectionTitle>
      {error ? (
        <Alert severity="error" sx={{ mb: 2 }} action={<Button onClick={() => void load()}>{t('common.retry')}</Button>}>
          {error}
        </Alert>
      ) : null}
      <TableContainer sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" data-testid="operators-table" sx={{ '& td': { whiteSpace: 'nowrap' } }}>
          <TableHead>
            <TableRow>
              {headers.map((h, i) => (
                <TableCell key={h} sx={i === headers.length - 1 ? { ...STICKY, bgcolor: '#eef3fa' } : undefined}>
                  {h}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {items === null ? (
              <TableRow>
                <TableCell colSpan={headers.length} align="center" sx={{ py: 4, color: 'text.secondary' }}>
                  {t('common.loading')}
                </TableCell>
              </TableRow>
            ) : items.length === 0 ? (
              <TableRow>
                <TableCell colSpan={headers.length} align="center" sx={{ py: 4, color: 'text.secondary' }}>
                  {t('ops.empty')}
                </TableCell>
              </TableRow>
            ) : (
              items.map((op) => (
                <TableRow key={op.id} hover data-testid={`operator-row-${op.username}`}>
                  <TableCell sx={{ fontWeight: 600 }}>{op.username}</TableCell>
                  <TableCell>{op.name}</TableCell>
                  <TableCell>{op.mobile}</TableCell>
                  <TableCell>{idTypeLabel(op.idType, lang)}</TableCell>
                  <TableCell>{op.idNumberMasked}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      variant="outlined"
                      color={op.status === 'active' ? 'success' : op.status === 'inactive' ? 'warning' : 'default'}
                      label={t(`account.status.${op.status === 'active' || op.status === 'inactive' ? op.status : 'disabled'}`)}
                    />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(op.createdAt, lang)}</TableCell>
                  <TableCell>
                    {op.mustChangePassword ? <Chip size="small" color="warning" label={t('common.yes')} /> : t('common.no')}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }} data-testid={`operator-card-${op.username}`}>
                    {op.cardNo ?? t('common.none')}
                  </TableCell>
                  <TableCell sx={{ ...STICKY, bgcolor: 'background.paper', py: 0 }}>
                    {rowAction(op, t('ops.edit'), `edit-operator-${op.username}`, () => setEditing(op))}
                    {rowAction(op, t('ops.delete'), `delete-operator-${op.username}`, () => setDeleting(op), 'error')}
                  </TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {items && items.length > 0 ? (
        <Box sx={{ mt: 1.5 }}>
          <Typography variant="body2" color="text.secondary">
            {t('ops.count', { n: items.length })}
          </Typography>
        </Box>
      ) : null}
      <AddOperatorDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(op) => {
          setAdding(false);
          setCreated(t('ops.created', { username: op.username }));
          setItems((prev) => (prev ? [op, ...prev.filter((p) => p.id !== op.id)] : [op]));
          void load();
        }}
      />
      <AddCardOperatorDialog
        open={addingCard}
        onClose={() => setAddingCard(false)}
        onCreated={(op) => {
          setAddingCard(false);
          setCreated(t('ops.createdCard', { username: op.username }));
          setItems((prev) => (prev ? [op, ...prev.filter((p) => p.id !== op.id)] : [op]));
          void load();
        }}
      />
      <EditOperatorDialog
        operator={editing}
        onClose={() => setEditing(null)}
        onSaved={(op) => {
          setEditing(null);
          setCreated(t('ops.updated', { username: op.username }));
          void load();
        }}
      />
      <DeleteOperatorDialog
        operator={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(op) => {
          setDeleting(null);
          setCreated(t('ops.deleted', { username: op.username }));
          setItems((prev) => (prev ? prev.filter((p) => p.id !== op.id) : prev));
          void load();
        }}
      />
      <Snackbar open={Boolean(created)} autoHideDuration={6000} onClose={() => setCreated(null)} anchorOrigin={{ vertical: 'top', horizontal: 'center' }}>
        <Alert severity="success" onClose={() => setCreated(null)} variant="filled" data-testid="operator-created">
          {created}
        </Alert>
      </Snackbar>
    </Paper>
  );
}
