// The last step of every registration: 完成.
import { Link as RouterLink } from 'react-router-dom';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import CheckCircle from '@mui/icons-material/CheckCircle';
import { useT } from '../../i18n';

/** `text` replaces the administrator's sentence for the other account types. */
export function DoneStep({ username, text }: { username: string; text?: string }) {
  const t = useT();
  return (
    <Box sx={{ textAlign: 'center', py: 5 }} data-testid="registration-done">
      <CheckCircle sx={{ fontSize: 72, color: 'success.main' }} />
      <Typography component="h2" sx={{ fontSize: 22, fontWeight: 600, mt: 1 }}>
        {t('reg.doneTitle')}
      </Typography>
      <Typography sx={{ mt: 1.5, color: 'text.secondary' }}>
        {text ?? t('reg.doneText', { username })}
      </Typography>
      <Button component={RouterLink} to="/login" variant="contained" size="large" sx={{ mt: 4, minWidth: 200 }} data-testid="to-login">
        {t('reg.toLogin')}
      </Button>
    </Box>
  );
}
