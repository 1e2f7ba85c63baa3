// Q2 我的应用权限 (administrators only; manual 001 ch.7): the permission categories and their items.
// 编辑 makes the boxes editable; ticking a category ticks all its items; 保存 applies at once
// (no declaration or approval); 重置 drops the unsaved ticks and returns to the last saved state.
// The enterprise's set is inherited by every operator; an operator may get a set of its own.
import { useCallback, useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Edit from '@mui/icons-material/Edit';
import RestartAlt from '@mui/icons-material/RestartAlt';
import { APP_PERMISSION_CATALOGUE, categoryState, normalizeAppItems } from '../../../../domain';
import { describeError } from '../../api/errors';
import { manageApi, type PermissionsView } from '../../api/manageEndpoints';
import { SectionTitle } from '../../components/SectionTitle';
import { useLanguage } from '../../i18n';
import { useSession } from '../../session/SessionContext';

const ENTERPRISE = 'enterprise';

export function PermissionsPage() {
  const { t, lang } = useLanguage();
  const { account } = useSession();
  const [view, setView] = useState<PermissionsView | null>(null);
  const [scope, setScope] = useState<string>(ENTERPRISE);
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setView(await manageApi.permissions());
      setError(null);
    } catch (e) {
      setError(describeError(e, t));
    }
  }, [t]);

  useEffect(() => {
    if (account.kind === 'admin') void load();
  }, [account.kind, load]);

  const operator = view?.operators.find((o) => String(o.id) === scope) ?? null;
  const saved = useMemo(() => (scope === ENTERPRISE ? view?.enterprise.items ?? [] : operator?.items ?? []), [scope, view, operator]);

  // The boxes show the last saved state of the chosen scope.
  useEffect(() => {
    setSelected(saved);
  }, [saved]);

  if (account.kind !== 'admin') return <Alert severity="warning" data-testid="permissions-forbidden">{t('qual.adminOnly')}</Alert>;

  const dirty = normalizeAppItems(selected).join() !== normalizeAppItems(saved).join();
  const label = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);

  const toggleItem = (code: string) => setSelected((prev) => (prev.includes(code) ? prev.filter((c) => c !== code) : normalizeAppItems([...prev, code])));
  const toggleCategory = (codes: string[], all: boolean) =>
    setSelected((prev) => (all ? prev.filter((c) => !codes.includes(c)) : normalizeAppItems([...prev, ...codes])));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = scope === ENTERPRISE ? await manageApi.saveEnterprisePermissions(selected) : await manageApi.saveOperatorPermissions(Number(scope), selected);
      setView(res);
      setEditing(false);
      setNotice(t('perm.saved'));
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setSelected(saved);
    setNotice(t('perm.resetDone'));
  };

  const inherit = async () => {
    if (!operator) return;
    setBusy(true);
    try {
      setView(await manageApi.inheritPermissions(operator.id));
      setEditing(false);
      setNotice(t('perm.inherited', { username: operator.username }));
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 3 }} data-testid="permissions-page">
      <SectionTitle>{t('perm.title')}</SectionTitle>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('perm.intro')}
      </Typography>
      {error ? (
        <Alert severity="error" sx={{ mb: 2 }} onClose={() => setError(null)}>
          {error}
        </Alert>
      ) : null}
      {!view ? (
        <Typography color="text.secondary">{t('common.loading')}</Typography>
      ) : (
        <>
          <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
            <TextField
              select
              size="small"
              label={t('perm.scope')}
              value={scope}
              onChange={(e) => {
                setScope(e.target.value);
                setEditing(false);
              }}
              sx={{ minWidth: 320 }}
              slotProps={{ htmlInput: { 'data-testid': 'perm-scope' } }}
              disabled={editing && dirty}
            >
              <MenuItem value={ENTERPRISE}>{t('perm.scopeEnterprise')}</MenuItem>
              {view.operators.map((o) => (
                <MenuItem key={o.id} value={String(o.id)} data-testid={`perm-scope-${o.username}`}>
                  {t('perm.scopeOperator', { username: o.username, name: o.name })} · {o.customised ? t('perm.own') : t('perm.inherits')}
                </MenuItem>
              ))}
            </TextField>
            {operator ? <Chip size="small" color={operator.customised ? 'primary' : 'default'} label={operator.customised ? t('perm.own') : t('perm.inherits')} /> : null}
            <Box sx={{ flex: 1 }} />
            <Typography variant="body2" color="text.secondary" data-testid="perm-count">
              {t('perm.selected', { n: selected.length })}
            </Typography>
          </Box>
          {view.operators.length === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('perm.noOperators')}
            </Typography>
          ) : null}
          <Table size="small" sx={{ border: '1px solid', borderColor: 'divider', '& td, & th': { borderColor: 'divider' } }} data-testid="permissions-table">
            <TableHead>
              <TableRow sx={{ bgcolor: '#eef3fa' }}>
                <TableCell sx={{ width: 220, fontWeight: 600 }}>{t('perm.category')}</TableCell>
                <TableCell sx={{ fontWeight: 600 }}>{t('perm.items')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {APP_PERMISSION_CATALOGUE.map((c) => {
                const state = categoryState(c, selected);
                const codes = c.items.map((i) => i.code);
                return (
                  <TableRow key={c.code} data-testid={`perm-row-${c.code}`}>
                    <TableCell sx={{ verticalAlign: 'top', borderRight: '1px solid', borderRightColor: 'divider' }}>
                      <FormControlLabel
                        control={
                          <Checkbox
                            size="small"
                            checked={state === 'all'}
                            indeterminate={state === 'some'}
                            disabled={!editing}
                            onChange={() => toggleCategory(codes, state === 'all')}
                            slotProps={{ input: { 'data-testid': `perm-category-${c.code}` } as object }}
                          />
                        }
                        label={<Typography sx={{ fontWeight: 600, fontSize: 14 }}>{label(c)}</Typography>}
                      />
                    </TableCell>
                    <TableCell>
                      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
                        {c.items.map((i) => (
                          <FormControlLabel
                            key={i.code}
                            control={
                              <Checkbox
                                size="small"
                                checked={selected.includes(i.code)}
                                disabled={!editing}
                                onChange={() => toggleItem(i.code)}
                                slotProps={{ input: { 'data-testid': `perm-item-${i.code}` } as object }}
                              />
                            }
                            label={<Typography sx={{ fontSize: 14 }}>{label(i)}</Typography>}
                          />
                        ))}
                      </Box>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap', mt: 2 }}>
            {editing ? (
              <>
                <Button variant="contained" onClick={() => void save()} disabled={busy} data-testid="perm-save" sx={{ minWidth: 100 }}>
                  {t('perm.save')}
                </Button>
                <Button variant="outlined" startIcon={<RestartAlt />} onClick={reset} disabled={busy} data-testid="perm-reset" sx={{ minWidth: 100 }}>
                  {t('perm.reset')}
                </Button>
              </>
            ) : (
              <Button variant="outlined" startIcon={<Edit />} onClick={() => setEditing(true)} data-testid="perm-edit" sx={{ minWidth: 100 }}>
                {t('perm.edit')}
              </Button>
            )}
            {operator?.customised ? (
              <Button variant="text" onClick={() => void inherit()} disabled={busy} data-testid="perm-inherit">
                {t('perm.inherit')}
              </Button>
            ) : null}
            {dirty ? (
              <Typography variant="body2" color="warning.main" data-testid="perm-unsaved">
                {t('perm.unsaved')}
              </Typography>
            ) : null}
          </Box>
          <Alert severity="info" sx={{ mt: 3 }}>
            {t('perm.tip')}
          </Alert>
        </>
      )}
      <Snackbar open={Boolean(notice)} autoHideDuration={4000} onClose={() => setNotice(null)} anchorOrigin={{ vertical: 'top', horizontal: 'center' }}>
        <Alert severity="success" variant="filled" onClose={() => setNotice(null)} data-testid="permissions-notice">
          {notice}
        </Alert>
      </Snackbar>
    </Paper>
  );
}
