// A6 同步更新 (administrators): what the market regulator and MOFCOM hold beside what the Single
// Window has, and 同步更新 to take it over (N6 confirmation when the legal representative changes).
import { useCallback, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { accountCenterApi, type ChangeResult, type EnterpriseSyncPreview } from '../../api/accountEndpoints';
import { describeError } from '../../api/errors';
import { idTypeLabel } from '../../components/idTypes';
import { useLanguage } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useConfirmingSave } from './confirmConsequences';

interface Props {
  open: boolean;
  onClose: () => void;
  onSynced: (r: ChangeResult) => void;
}

export function EnterpriseSyncDialog({ open, onClose, onSynced }: Props) {
  const { t, lang } = useLanguage();
  const [preview, setPreview] = useState<EnterpriseSyncPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const confirming = useConfirmingSave();

  const load = useCallback(async () => {
    setPreview(null);
    setAlert(null);
    try {
      setPreview(await accountCenterApi.syncPreview());
    } catch (err) {
      setAlert(describeError(err, t));
    }
  }, [t]);

  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  const apply = async () => {
    setBusy(true);
    setAlert(null);
    try {
      const result = await confirming.run((confirm) => accountCenterApi.syncApply(confirm));
      if (result) onSynced(result);
    } catch (err) {
      setAlert(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const show = (field: string, value: string) => (field === 'legalRepIdType' ? idTypeLabel(value, lang) : value || t('common.none'));
  const m = preview?.sources.market;
  const f = preview?.sources.mofcom;

  return (
    <>
      <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="md" fullWidth aria-labelledby="sync-title" data-testid="sync-dialog">
        <DialogTitle id="sync-title">{t('ac.syncTitle')}</DialogTitle>
        <DialogContent dividers>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('ac.syncIntro')}
          </Typography>
          {alert ? (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="sync-alert">
              {alert}
            </Alert>
          ) : null}
          {!preview && !alert ? <CircularProgress size={28} /> : null}
          {preview ? (
            <>
              <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: '260px 1fr', rowGap: 0.75, m: 0, mb: 2, fontSize: 14 }} data-testid="sync-sources">
                <dt>{t('ac.syncMarket')}</dt>
                <dd style={{ margin: 0 }}>{m?.found ? t('ac.syncFound', { status: m.status ?? '' }) : t('ac.syncNotFound')}</dd>
                <dt>{t('ac.syncMofcom')}</dt>
                <dd style={{ margin: 0 }}>
                  {f?.found ? `${t('ac.syncFound', { status: f.status ?? '' })}；${t('ac.syncFiling', { filingNo: f.filingNo ?? '' })}` : t('ac.syncNotFound')}
                </dd>
              </Box>
              {preview.changes.length === 0 ? (
                <Alert severity="success" data-testid="sync-none">
                  {t('ac.syncNone')}
                </Alert>
              ) : (
                <Table size="small" data-testid="sync-changes">
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('ac.syncField')}</TableCell>
                      <TableCell>{t('ac.syncSource')}</TableCell>
                      <TableCell>{t('ac.syncCurrent')}</TableCell>
                      <TableCell>{t('ac.syncIncoming')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {preview.changes.map((c) => (
                      <TableRow key={c.field} data-testid={`sync-row-${c.field}`}>
                        <TableCell>{t(`ac.field.${c.field}` as MessageKey)}</TableCell>
                        <TableCell>{t(`ac.source.${c.source}` as MessageKey)}</TableCell>
                        <TableCell sx={{ color: 'text.secondary' }}>{show(c.field, c.current)}</TableCell>
                        <TableCell sx={{ fontWeight: 600 }}>{show(c.field, c.incoming)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t('common.close')}
          </Button>
          <Button variant="contained" onClick={() => void apply()} disabled={busy || !preview || (!m?.found && !f?.found)} data-testid="sync-apply">
            {t('ac.syncApply')}
          </Button>
        </DialogActions>
      </Dialog>
      {confirming.dialog}
    </>
  );
}
