// A5 账户设置: 手机号登录开关 (one account per mobile; the manual's message when taken) and 信息同步
// to the national government service platform.
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { accountCenterApi, type AccountCenterView } from '../../api/accountEndpoints';
import { describeError } from '../../api/errors';
import { useT } from '../../i18n';

interface Props {
  account: AccountCenterView;
  open: boolean;
  onClose: () => void;
  onChanged: (a: AccountCenterView) => void;
}

export function SettingsDialog({ account, open, onClose, onChanged }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string; testId: string } | null>(null);

  useEffect(() => {
    if (open) setMessage(null);
  }, [open]);

  const toggle = async (enabled: boolean) => {
    setBusy(true);
    setMessage(null);
    try {
      const { account: next } = await accountCenterApi.setMobileLogin(enabled);
      onChanged(next);
      setMessage({ severity: 'success', text: enabled ? t('ac.mobileLoginOnDone') : t('ac.mobileLoginOffDone'), testId: 'mobile-login-result' });
    } catch (err) {
      setMessage({ severity: 'error', text: describeError(err, t), testId: 'mobile-login-result' });
    } finally {
      setBusy(false);
    }
  };

  const govSync = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await accountCenterApi.govSync();
      setMessage({ severity: 'success', text: t('ac.govSyncDone', { receiptNo: r.receiptNo }), testId: 'gov-sync-result' });
    } catch (err) {
      setMessage({ severity: 'error', text: describeError(err, t), testId: 'gov-sync-result' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="settings-title" data-testid="settings-dialog">
      <DialogTitle id="settings-title">{t('ac.settingsTitle')}</DialogTitle>
      <DialogContent dividers>
        {message ? (
          <Alert severity={message.severity} sx={{ mb: 2 }} data-testid={message.testId}>
            {message.text}
          </Alert>
        ) : null}
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
          <FormControlLabel
            label={t('ac.mobileLoginSwitch')}
            labelPlacement="start"
            sx={{ ml: 0, gap: 2 }}
            control={
              <Switch
                checked={account.mobileLogin}
                color="success"
                disabled={busy}
                onChange={(e) => void toggle(e.target.checked)}
                slotProps={{ input: { 'aria-describedby': 'mobile-login-help', role: 'switch' } as object }}
                data-testid="mobile-login-switch"
              />
            }
          />
        </Box>
        <Typography id="mobile-login-help" variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('ac.mobileLoginHelp', { mobile: account.mobile || t('common.none') })}
        </Typography>
        <Divider sx={{ my: 2 }} />
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Button variant="contained" onClick={() => void govSync()} disabled={busy} data-testid="gov-sync">
            {t('ac.govSync')}
          </Button>
          <Typography variant="body2" color="text.secondary">
            {t('ac.govSyncHelp')}
          </Typography>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
