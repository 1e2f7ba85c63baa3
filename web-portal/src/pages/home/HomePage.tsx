// 首页: the fixed first tab of the logged-in portal; where 关闭全部选项卡 leads. Shows who is logged
// in, the menu's functions as shortcuts and the keyboard conventions of the manual.
import { Link as RouterLink } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { MENU } from '../../components/LoggedInLayout';
import { SectionTitle } from '../../components/SectionTitle';
import { useT, type MessageKey } from '../../i18n';
import { useSession } from '../../session/SessionContext';

export function HomePage() {
  const t = useT();
  const { account } = useSession();
  const items = MENU.filter((m) => !m.kinds || m.kinds.includes(account.kind));
  const kindKey = `home.kind.${account.kind}` as MessageKey;
  return (
    <Paper variant="outlined" sx={{ p: 3 }} data-testid="home-page">
      <SectionTitle>{t('home.title')}</SectionTitle>
      <Typography sx={{ mb: 1 }}>{t('home.you', { username: account.username, kind: t(kindKey) })}</Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('home.intro')}
      </Typography>
      {account.kind === 'admin' ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('home.adminNote')}
        </Alert>
      ) : null}
      <Typography component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {t('home.quick')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mb: 3 }}>
        {items.map((m) => (
          <Button key={m.to} component={RouterLink} to={m.to} variant="outlined" startIcon={m.icon} data-testid={`home-${m.testId}`}>
            {t(m.label)}
          </Button>
        ))}
      </Box>
      <Typography variant="body2" color="text.secondary">
        {t('shell.keyboardHint')}
      </Typography>
    </Paper>
  );
}
