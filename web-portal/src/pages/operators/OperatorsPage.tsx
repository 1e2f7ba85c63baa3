// 我的操作员 (administrators only; manual 000 §3.2, 002 §3): O1 查询 by username / name, 重置, the
// column chooser and pages; O2/O3 新增无卡/有卡操作员; O4 修改 and 删除 (O5: refused for an
// operator with a card while the administrator has none); O6 migrated users marked (remark and
// tag), 重置密码 for them, and their usernames re-creatable after deletion.
import { useCallback, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
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
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CreditCard from '@mui/icons-material/CreditCard';
import PersonAdd from '@mui/icons-material/PersonAdd';
import RestartAlt from '@mui/icons-material/RestartAlt';
import Search from '@mui/icons-material/Search';
import { isApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { manageApi, type ManagedOperator } from '../../api/manageEndpoints';
import type { Operator } from '../../api/types';
import { ColumnChooser, useColumnChoice } from '../../components/ColumnChooser';
import { idTypeLabel } from '../../components/idTypes';
import { SectionTitle } from '../../components/SectionTitle';
import { formatDateTime, formatValidity } from '../../format';
import { useLanguage, type MessageKey } from '../../i18n';
import { useSession } from '../../session/SessionContext';
import { AddCardOperatorDialog } from './AddCardOperatorDialog';
import { AddOperatorDialog } from './AddOperatorDialog';
import { DeleteOperatorDialog } from './DeleteOperatorDialog';
import { EditOperatorDialog } from './EditOperatorDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';

// The actions stay in view when the list is wider than the page.
const STICKY = { position: 'sticky', right: 0, boxShadow: 'inset 1px 0 0 rgba(0,0,0,0.12)', zIndex: 1 } as const;

type ColumnKey = 'username' | 'name' | 'mobile' | 'idType' | 'idNumber' | 'validity' | 'email' | 'status' | 'realName' | 'createdAt' | 'mustChange' | 'cardNo' | 'remark';
const COLUMNS: { key: ColumnKey; label: MessageKey }[] = [
  { key: 'username', label: 'ops.col.username' },
  { key: 'name', label: 'ops.col.name' },
  { key: 'mobile', label: 'ops.col.mobile' },
  { key: 'idType', label: 'ops.col.idType' },
  { key: 'idNumber', label: 'ops.col.idNumber' },
  { key: 'validity', label: 'ops.col.validity' },
  { key: 'email', label: 'ops.col.email' },
  { key: 'status', label: 'ops.col.status' },
  { key: 'realName', label: 'ops.col.realName' },
  { key: 'createdAt', label: 'ops.col.createdAt' },
  { key: 'mustChange', label: 'ops.col.mustChange' },
  { key: 'cardNo', label: 'ops.col.cardNo' },
  { key: 'remark', label: 'ops.col.remark' },
];
// What fits beside the pinned 操作 column at 1280 px; the rest is one click away in the chooser.
const DEFAULT_COLUMNS: ColumnKey[] = ['username', 'name', 'mobile', 'idNumber', 'status', 'mustChange', 'cardNo', 'remark'];
// Long remarks are cut with an ellipsis (the whole text in the tooltip) so the row stays one line.
const REMARK_WIDTH = 160;
// Long headers over short values (是/否, a card number) wrap onto two lines instead of widening the table.
const WRAPPING_HEADERS: ColumnKey[] = ['mustChange', 'cardNo', 'realName'];
const PAGE_SIZES = [10, 20, 50];

interface Query {
  username: string;
  name: string;
  page: number; // 0-based here, 1-based in the API
  pageSize: number;
}

export function OperatorsPage() {
  const { t, lang } = useLanguage();
  const { account } = useSession();
  const [items, setItems] = useState<ManagedOperator[] | null>(null);
  const [total, setTotal] = useState(0);
  const [query, setQuery] = useState<Query>({ username: '', name: '', page: 0, pageSize: 10 });
  const [typed, setTyped] = useState({ username: '', name: '' });
  const [released, setReleased] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState(account.kind !== 'admin');
  const [adding, setAdding] = useState(false);
  const [addingCard, setAddingCard] = useState(false);
  const [editing, setEditing] = useState<ManagedOperator | null>(null);
  const [deleting, setDeleting] = useState<ManagedOperator | null>(null);
  const [resetting, setResetting] = useState<ManagedOperator | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [visible, setVisible] = useColumnChoice('sw.portal.operators.columns', COLUMNS.map((c) => c.key), DEFAULT_COLUMNS);

  const load = useCallback(async () => {
    try {
      const res = await manageApi.operators({ username: query.username, name: query.name, page: query.page + 1, pageSize: query.pageSize });
      setItems(res.items);
      setTotal(res.total);
      if (res.page - 1 !== query.page) setQuery((q) => ({ ...q, page: res.page - 1 }));
      setError(null);
    } catch (e) {
      if (isApiError(e) && e.status === 403) setForbidden(true);
      else setError(`${t('ops.loadFailed')}：${describeError(e, t)}`);
    }
  }, [query, t]);

  const loadReleased = useCallback(async () => {
    try {
      setReleased((await manageApi.releasedUsernames()).items);
    } catch {
      // Only a convenience for the add dialog: the API applies the rule anyway.
    }
  }, []);

  useEffect(() => {
    if (account.kind === 'admin') void load();
  }, [account.kind, load]);
  useEffect(() => {
    if (account.kind === 'admin') void loadReleased();
  }, [account.kind, loadReleased]);

  const shown = useMemo(() => COLUMNS.filter((c) => visible.includes(c.key)), [visible]);

  if (forbidden) return <Alert severity="warning" data-testid="operators-forbidden">{t('ops.adminOnly')}</Alert>;

  const search = (e: FormEvent) => {
    e.preventDefault();
    setItems(null);
    setQuery((q) => ({ ...q, username: typed.username.trim(), name: typed.name.trim(), page: 0 }));
  };
  const resetSearch = () => {
    setTyped({ username: '', name: '' });
    setItems(null);
    setQuery((q) => ({ ...q, username: '', name: '', page: 0 }));
  };
  const refresh = () => {
    void load();
    void loadReleased();
  };

  /** 修改 / 删除 / 重置密码, greyed out with the reason when the operator is protected (O5). */
  const rowAction = (op: ManagedOperator, label: string, testId: string, onClick: () => void, color?: 'error' | 'warning') => {
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

  const cell = (op: ManagedOperator, key: ColumnKey): ReactNode => {
    switch (key) {
      case 'username':
        return (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
            <Box component="span" sx={{ fontWeight: 600 }}>
              {op.username}
            </Box>
            {op.migrated ? <Chip size="small" color="info" variant="outlined" label={t('ops.migratedTag')} data-testid={`migrated-${op.username}`} sx={{ height: 20 }} /> : null}
          </Box>
        );
      case 'name':
        return op.name;
      case 'mobile':
        return op.mobile || t('common.none');
      case 'idType':
        return idTypeLabel(op.idType, lang);
      case 'idNumber':
        return op.idNumberMasked || t('common.none');
      case 'validity':
        return formatValidity(op.idValidFrom, op.idValidTo, t);
      case 'email':
        return op.emailMasked || t('common.none');
      case 'status':
        return (
          <Chip
            size="small"
            variant="outlined"
            color={op.status === 'active' ? 'success' : op.status === 'inactive' ? 'warning' : 'default'}
            label={t(`account.status.${op.status === 'active' || op.status === 'inactive' ? op.status : 'disabled'}`)}
          />
        );
      case 'realName':
        return t(`ops.realName.${op.realNameLevel ?? 'none'}` as MessageKey);
      case 'createdAt':
        return formatDateTime(op.createdAt, lang);
      case 'mustChange':
        return op.mustChangePassword ? <Chip size="small" color="warning" label={t('common.yes')} /> : t('common.no');
      case 'cardNo':
        return <span data-testid={`operator-card-${op.username}`}>{op.cardNo ?? t('common.none')}</span>;
      case 'remark':
        return op.remark ? (
          <Tooltip title={op.remark}>
            <Box component="span" sx={{ display: 'inline-block', maxWidth: REMARK_WIDTH, overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'bottom' }}>
              {op.remark}
            </Box>
          </Tooltip>
        ) : (
          t('common.none')
        );
    }
  };

  const onCreated = (message: string) => (op: Operator) => {
    setAdding(false);
    setAddingCard(false);
    setNotice(message.replace('{username}', op.username));
    refresh();
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

      <Box
        component="form"
        role="search"
        onSubmit={search}
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center', mb: 2, p: 1.5, bgcolor: '#f7f9fc', border: '1px solid', borderColor: 'divider', borderRadius: 1 }}
      >
        <TextField
          size="small"
          label={t('ops.search.username')}
          name="searchUsername"
          value={typed.username}
          onChange={(e) => setTyped((v) => ({ ...v, username: e.target.value }))}
          slotProps={{ htmlInput: { maxLength: 40, 'data-testid': 'search-username' } }}
          sx={{ width: 200, bgcolor: '#fff' }}
        />
        <TextField
          size="small"
          label={t('ops.search.name')}
          name="searchName"
          value={typed.name}
          onChange={(e) => setTyped((v) => ({ ...v, name: e.target.value }))}
          slotProps={{ htmlInput: { maxLength: 50, 'data-testid': 'search-name' } }}
          sx={{ width: 200, bgcolor: '#fff' }}
        />
        <Button type="submit" variant="contained" startIcon={<Search />} data-testid="search-submit">
          {t('ops.search.submit')}
        </Button>
        <Button variant="outlined" startIcon={<RestartAlt />} onClick={resetSearch} data-testid="search-reset">
          {t('ops.search.reset')}
        </Button>
        <Box sx={{ flex: 1 }} />
        <ColumnChooser
          columns={COLUMNS.map((c) => ({ key: c.key, label: t(c.label) }))}
          visible={visible}
          onChange={(next) => setVisible(next as ColumnKey[])}
          label={t('ops.columns')}
          testId="operators-columns"
        />
      </Box>

      {error ? (
        <Alert severity="error" sx={{ mb: 2 }} action={<Button onClick={() => void load()}>{t('common.retry')}</Button>}>
          {error}
        </Alert>
      ) : null}
      <TableContainer sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" data-testid="operators-table" sx={{ '& td': { whiteSpace: 'nowrap' }, '& th, & td': { px: 1.25 } }}>
          <TableHead>
            <TableRow>
              {shown.map((c) => (
                <TableCell key={c.key} data-testid={`col-${c.key}`} sx={WRAPPING_HEADERS.includes(c.key) ? { width: 86, minWidth: 86, whiteSpace: 'normal', lineHeight: 1.3 } : { whiteSpace: 'nowrap' }}>
                  {t(c.label)}
                </TableCell>
              ))}
              <TableCell sx={{ ...STICKY, bgcolor: '#eef3fa' }}>{t('ops.col.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items === null ? (
              <TableRow>
                <TableCell colSpan={shown.length + 1} align="center" sx={{ py: 4, color: 'text.secondary' }}>
                  {t('common.loading')}
                </TableCell>
              </TableRow>
            ) : items.length === 0 ? (
              <TableRow>
                <TableCell colSpan={shown.length + 1} align="center" sx={{ py: 4, color: 'text.secondary' }} data-testid="operators-empty">
                  {query.username || query.name ? t('ops.noMatch') : t('ops.empty')}
                </TableCell>
              </TableRow>
            ) : (
              items.map((op) => (
                <TableRow key={op.id} hover data-testid={`operator-row-${op.username}`}>
                  {shown.map((c) => (
                    <TableCell key={c.key}>{cell(op, c.key)}</TableCell>
                  ))}
                  <TableCell sx={{ ...STICKY, bgcolor: 'background.paper', py: 0 }}>
                    {rowAction(op, t('ops.edit'), `edit-operator-${op.username}`, () => setEditing(op))}
                    {rowAction(op, t('ops.delete'), `delete-operator-${op.username}`, () => setDeleting(op), 'error')}
                    {op.migrated ? rowAction(op, t('ops.resetPassword'), `reset-password-${op.username}`, () => setResetting(op), 'warning') : null}
                  </TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
        <Typography variant="body2" color="text.secondary" data-testid="operators-count">
          {items ? t('ops.count', { n: total }) : ''}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <TablePagination
          component="div"
          count={total}
          page={Math.min(query.page, Math.max(0, Math.ceil(total / query.pageSize) - 1))}
          onPageChange={(_e, page) => setQuery((q) => ({ ...q, page }))}
          rowsPerPage={query.pageSize}
          rowsPerPageOptions={PAGE_SIZES}
          onRowsPerPageChange={(e) => setQuery((q) => ({ ...q, pageSize: Number(e.target.value), page: 0 }))}
          labelRowsPerPage={t('ops.rowsPerPage')}
          labelDisplayedRows={({ from, to, count }) => (count === 0 ? t('ops.pageNone') : t('ops.pageOf', { from, to, count }))}
          getItemAriaLabel={(type) => t(type === 'previous' ? 'common.pagePrevious' : type === 'next' ? 'common.pageNext' : type === 'first' ? 'common.pageFirst' : 'common.pageLast')}
          data-testid="operators-pagination"
        />
      </Box>
      <AddOperatorDialog open={adding} released={released} onClose={() => setAdding(false)} onCreated={onCreated(t('ops.created', { username: '{username}' }))} />
      <AddCardOperatorDialog open={addingCard} onClose={() => setAddingCard(false)} onCreated={onCreated(t('ops.createdCard', { username: '{username}' }))} />
      <EditOperatorDialog
        operator={editing}
        onClose={() => setEditing(null)}
        onSaved={(op) => {
          setEditing(null);
          const c = op.consequences;
          setNotice(
            c?.cardUnbound
              ? t('ops.savedUnbound', { username: op.username, cardNo: c.cardUnbound })
              : c?.realNameVoided
                ? t('ops.savedVoided', { username: op.username })
                : t('ops.updated', { username: op.username }),
          );
          void load();
        }}
      />
      <DeleteOperatorDialog
        operator={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(op) => {
          setDeleting(null);
          setNotice(t('ops.deleted', { username: op.username }));
          setItems((prev) => (prev ? prev.filter((p) => p.id !== op.id) : prev));
          refresh();
        }}
      />
      <ResetPasswordDialog
        operator={resetting}
        onClose={() => setResetting(null)}
        onDone={(op) => {
          setResetting(null);
          setNotice(t('ops.resetDone', { username: op.username }));
          void load();
        }}
      />
      <Snackbar open={Boolean(notice)} autoHideDuration={6000} onClose={() => setNotice(null)} anchorOrigin={{ vertical: 'top', horizontal: 'center' }}>
        <Alert severity="success" onClose={() => setNotice(null)} variant="filled" data-testid="operator-created">
          {notice}
        </Alert>
      </Snackbar>
    </Paper>
  );
}
