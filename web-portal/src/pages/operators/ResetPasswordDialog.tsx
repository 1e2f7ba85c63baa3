// O6 重置密码 of a migrated user (002 §3.2: when it forgot its password): back to the default
// password 88888888; the user's sessions end and its next login checks the bound mobile and forces
// a new password. O5: 403 operator.cardProtected is explained, not retried.
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { isApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { manageApi, type ManagedOperator } from '../../api/manageEndpoints';
import { useT } from '../../i18n';

interface Props {
  operator: ManagedOperator | null;
  onClose: () => void;
  onDone: (op: ManagedOperator) => void;
}

export function ResetPasswordDialog({ operator, onClose, onDone }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);

  useEffect(() => setAlert(null), [operator]);

  const reset = async () => {
    if (!operator) return;
    setBusy(true);
    setAlert(null);
    try {
      await manageApi.resetPassword(operator.id);
      onDone(operator);
    } catch (err) {
      setAlert(isApiError(err) && err.code === 'operator.cardProtected' ? t('ops.protected') : describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={Boolean(operator)} onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth aria-labelledby="opreset-title">
      <DialogTitle id="opreset-title">{t('ops.resetTitle')}</DialogTitle>
      <DialogContent dividers>
        {alert ? (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="form-alert">
            {alert}
          </Alert>
        ) : null}
        <DialogContentText sx={{ color: 'text.primary' }}>{t('ops.resetText', { username: operator?.username ?? '', name: operator?.name ?? '' })}</DialogContentText>
      </DialogContent>
      <DialogActions sx={{ justifyContent: 'center', py: 2 }}>
        <Button variant="contained" color="warning" onClick={() => void reset()} disabled={busy} sx={{ minWidth: 100 }} data-testid="confirm-reset-password" autoFocus>
          {t('common.confirm')}
        </Button>
        <Button variant="outlined" onClick={onClose} disabled={busy} sx={{ minWidth: 100 }} data-testid="cancel-reset-password">
          {t('common.cancel')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
