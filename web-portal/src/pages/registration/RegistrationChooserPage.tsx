// R1: 注册方式选择 — enterprise, public institution, individual, overseas, and the electronic
// business license quick registration; card holders need not register (card login).
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import AccountBalance from '@mui/icons-material/AccountBalance';
import Business from '@mui/icons-material/Business';
import Person from '@mui/icons-material/Person';
import Public from '@mui/icons-material/Public';
import QrCode2 from '@mui/icons-material/QrCode2';
import { PageShell } from '../../components/PageShell';
import { useT, type MessageKey } from '../../i18n';

interface Choice {
  to: string;
  testId: string;
  title: MessageKey;
  text: MessageKey;
  icon: ReactNode;
}

const ICON = { fontSize: 44, color: 'primary.main' } as const;

const CHOICES: Choice[] = [
  { to: '/register/enterprise', testId: 'register-enterprise', title: 'regChoose.enterprise', text: 'regChoose.enterpriseText', icon: <Business sx={ICON} /> },
  { to: '/register/institution', testId: 'register-institution', title: 'regChoose.institution', text: 'regChoose.institutionText', icon: <AccountBalance sx={ICON} /> },
  { to: '/register/individual', testId: 'register-individual', title: 'regChoose.individual', text: 'regChoose.individualText', icon: <Person sx={ICON} /> },
  { to: '/register/overseas', testId: 'register-overseas', title: 'regChoose.overseas', text: 'regChoose.overseasText', icon: <Public sx={ICON} /> },
];

export function RegistrationChooserPage() {
  const t = useT();
  return (
    <PageShell section={t('regChoose.title')}>
      <Paper variant="outlined" sx={{ px: { xs: 2, md: 5 }, py: 4 }}>
        <Box sx={{ display: 'flex', alignItems: 'baseline', mb: 1 }}>
          <Typography component="h1" sx={{ fontSize: 22, fontWeight: 600 }}>
            {t('regChoose.title')}
          </Typography>
          <Box sx={{ flex: 1 }} />
          <Typography variant="body2" color="text.secondary">
            {t('reg.haveAccount')}{' '}
            <Link component={RouterLink} to="/login">
              {t('login.submit')}
            </Link>
          </Typography>
        </Box>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          {t('regChoose.intro')}
        </Typography>
        <Box
          component="nav"
          aria-label={t('regChoose.title')}
          sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(4, 1fr)' }, gap: 2.5 }}
        >
          {CHOICES.map((c) => (
            <Card key={c.to} variant="outlined" sx={{ '&:hover': { borderColor: 'primary.main' } }}>
              <CardActionArea component={RouterLink} to={c.to} data-testid={c.testId} sx={{ height: '100%', p: 3, textAlign: 'center' }}>
                {c.icon}
                <Typography component="h2" sx={{ fontSize: 17, fontWeight: 600, mt: 1.5, mb: 1 }}>
                  {t(c.title)}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ lineHeight: 1.7 }}>
                  {t(c.text)}
                </Typography>
              </CardActionArea>
            </Card>
          ))}
        </Box>
        <Card variant="outlined" sx={{ mt: 2.5, bgcolor: '#f7fbff' }}>
          <CardActionArea
            component={RouterLink}
            to="/register/elicense"
            data-testid="register-elicense"
            sx={{ display: 'flex', justifyContent: 'flex-start', gap: 2, px: 3, py: 2 }}
          >
            <QrCode2 sx={{ fontSize: 40, color: 'primary.main' }} />
            <Box>
              <Typography component="h2" sx={{ fontSize: 16, fontWeight: 600 }}>
                {t('regChoose.elicense')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('regChoose.elicenseText')}
              </Typography>
            </Box>
          </CardActionArea>
        </Card>
        <Alert severity="info" sx={{ mt: 3 }} data-testid="card-login-note">
          {t('regChoose.cardNote')}
          <Link component={RouterLink} to="/login?tab=card" data-testid="card-login-link" sx={{ fontWeight: 600 }}>
            {t('regChoose.cardLink')}
          </Link>
          {t('regChoose.cardNoteEnd')}
        </Alert>
      </Paper>
    </PageShell>
  );
}
