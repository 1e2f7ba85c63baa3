// R6 rule 2: a legal-person card of an enterprise whose administrator has no card yet. Binding it
// takes the administrator account over; the question warns about misuse.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Alert from '@mui/material/Alert';
import { useT } from '../../i18n';

interface Props {
  open: boolean;
  adminUsername: string;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function TakeoverDialog({ open, adminUsername, busy, error, onConfirm, onCancel }: Props) {
  const t = useT();
  return (
    <Dialog open={open} onClose={busy ? undefined : onCancel} maxWidth="xs" fullWidth aria-labelledby="takeover-title" data-testid="takeover-dialog">
      <DialogTitle id="takeover-title">{t('takeover.title')}</DialogTitle>
      <DialogContent dividers>
        {error ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        ) : null}
        <DialogContentText sx={{ color: 'text.primary' }} data-testid="takeover-text">
          {t('takeover.text', { username: adminUsername })}
        </DialogContentText>
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="takeover-consequences">
          {t('takeover.consequences')}
        </Alert>
      </DialogContent>
      <DialogActions sx={{ justifyContent: 'center', py: 2 }}>
        <Button variant="contained" onClick={onConfirm} disabled={busy} sx={{ minWidth: 100 }} data-testid="takeover-confirm">
          {t('takeover.confirm')}
        </Button>
        <Button variant="outlined" onClick={onCancel} disabled={busy} sx={{ minWidth: 100 }} data-testid="takeover-cancel">
          {t('takeover.cancel')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
