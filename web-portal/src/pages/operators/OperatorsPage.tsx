// O2: 我的操作员 (administrators only): list and 新增无卡操作员.
import { useCallback, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
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
import { AddOperatorDialog } from './AddOperatorDialog';

export function OperatorsPage() {
  const { t, lang } = useLanguage();
  const { account } = useSession();
  const [items, setItems] = useState<Operator[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState(account.kind !== 'admin');
  const [adding, setAdding] = useState(false);
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
  ];

  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <SectionTitle
        action={
          <Button variant="outlined" startIcon={<PersonAdd />} onClick={() => setAdding(true)} data-testid="add-operator">
            {t('ops.add')}
          </Button>
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
        <Table size="small" data-testid="operators-table">
          <TableHead>
            <TableRow>
              {headers.map((h) => (
                <TableCell key={h}>{h}</TableCell>
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
                      color={op.status === 'active' ? 'success' : 'default'}
                      label={op.status === 'active' ? t('account.status.active') : t('account.status.disabled')}
                    />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(op.createdAt, lang)}</TableCell>
                  <TableCell>
                    {op.mustChangePassword ? <Chip size="small" color="warning" label={t('common.yes')} /> : t('common.no')}
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
      <Snackbar open={Boolean(created)} autoHideDuration={6000} onClose={() => setCreated(null)} anchorOrigin={{ vertical: 'top', horizontal: 'center' }}>
        <Alert severity="success" onClose={() => setCreated(null)} variant="filled" data-testid="operator-created">
          {created}
        </Alert>
      </Snackbar>
    </Paper>
  );
}
