// O4 删除 with confirmation; O5: 403 operator.cardProtected is explained, not retried; O6: a
// migrated user's username may be created again afterwards.
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { isApiError } from '../../api/client';
import { operatorsApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import type { Operator } from '../../api/types';
import { useT } from '../../i18n';

interface Props {
  operator: Operator | null;
  onClose: () => void;
  onDeleted: (op: Operator) => void;
}

export function DeleteOperatorDialog({ operator, onClose, onDeleted }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);

  useEffect(() => setAlert(null), [operator]);

  const remove = async () => {
    if (!operator) return;
    setBusy(true);
    setAlert(null);
    try {
      await operatorsApi.remove(operator.id);
      onDeleted(operator);
    } catch (err) {
      if (isApiError(err) && err.status === 403) setAlert(t('ops.protected'));
      else if (isApiError(err) && err.status === 404) onDeleted(operator);
      else setAlert(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={Boolean(operator)} onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth aria-labelledby="opdel-title">
      <DialogTitle id="opdel-title">{t('ops.deleteTitle')}</DialogTitle>
      <DialogContent dividers>
        {alert ? (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="form-alert">
            {alert}
          </Alert>
        ) : null}
        <DialogContentText sx={{ color: 'text.primary' }}>
          {t('ops.deleteText', { username: operator?.username ?? '', name: operator?.name ?? '' })}
        </DialogContentText>
        {(operator as { migrated?: boolean } | null)?.migrated ? (
          <Alert severity="info" sx={{ mt: 2 }} data-testid="delete-migrated-note">
            {t('ops.deleteMigratedNote')}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions sx={{ justifyContent: 'center', py: 2 }}>
        <Button variant="contained" color="error" onClick={() => void remove()} disabled={busy} sx={{ minWidth: 100 }} data-testid="confirm-delete-operator">
          {t('common.confirm')}
        </Button>
        <Button variant="outlined" onClick={onClose} disabled={busy} sx={{ minWidth: 100 }} data-testid="cancel-delete-operator">
          {t('common.cancel')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
