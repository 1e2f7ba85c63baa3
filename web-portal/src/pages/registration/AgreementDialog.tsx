// 《中国国际贸易单一窗口平台服务使用协议》 in a dialog.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useT, type MessageKey } from '../../i18n';

const PARAGRAPHS: MessageKey[] = ['agreement.p1', 'agreement.p2', 'agreement.p3', 'agreement.p4', 'agreement.p5', 'agreement.p6'];

export function AgreementDialog({ open, onClose, onAccept }: { open: boolean; onClose: () => void; onAccept: () => void }) {
  const t = useT();
  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" scroll="paper" aria-labelledby="agreement-title">
      <DialogTitle id="agreement-title" sx={{ textAlign: 'center', fontWeight: 600 }}>
        {t('agreement.title')}
      </DialogTitle>
      <DialogContent dividers>
        {PARAGRAPHS.map((k) => (
          <Typography key={k} variant="body2" sx={{ mb: 1.5, lineHeight: 1.8, textIndent: '2em' }}>
            {t(k)}
          </Typography>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
        <Button variant="contained" onClick={onAccept} data-testid="accept-agreement">
          {t('agreement.accept')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
