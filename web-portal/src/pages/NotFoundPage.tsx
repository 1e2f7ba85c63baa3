import { Link as RouterLink } from 'react-router-dom';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { PageShell } from '../components/PageShell';
import { useT } from '../i18n';

export function NotFoundPage() {
  const t = useT();
  return (
    <PageShell>
      <Paper variant="outlined" sx={{ p: 6, textAlign: 'center' }}>
        <Typography component="h1" sx={{ fontSize: 22, fontWeight: 600, mb: 3 }}>
          404 · {t('notFound.title')}
        </Typography>
        <Button component={RouterLink} to="/login" variant="contained">
          {t('notFound.back')}
        </Button>
      </Paper>
    </PageShell>
  );
}
