// Portal header: the single-window brand (always bilingual), the page's section, the language
// switch and, when logged in, the user and 退出.
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import AccountCircle from '@mui/icons-material/AccountCircle';
import Logout from '@mui/icons-material/Logout';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { PortalMark } from './PortalMark';

export interface HeaderUser {
  username: string;
  onLogout: () => void;
}

export function Header({ section, user, extra, maxWidth = 1200 }: { section?: ReactNode; user?: HeaderUser; extra?: ReactNode; maxWidth?: number }) {
  const t = useT();
  return (
    <AppBar position="static" elevation={0} sx={{ bgcolor: 'primary.main', borderBottom: '3px solid #0d47a1' }}>
      <Toolbar sx={{ minHeight: { xs: 64, md: 72 }, gap: 2, maxWidth, width: '100%', mx: 'auto', px: { xs: 1.5, md: 3 } }}>
        <Box
          component={RouterLink}
          to={user ? '/account' : '/login'}
          sx={{ display: 'flex', alignItems: 'center', gap: 1.5, color: 'inherit', textDecoration: 'none' }}
        >
          <PortalMark />
          <Box>
            <Typography component="div" sx={{ fontSize: { xs: 16, sm: 22 }, fontWeight: 700, letterSpacing: { xs: 0.5, sm: 2 }, lineHeight: 1.2, whiteSpace: 'nowrap' }}>
              中国国际贸易单一窗口
            </Typography>
            {/* On a phone the English line would wrap into three: the Chinese brand alone. */}
            <Typography component="div" sx={{ fontSize: 10.5, letterSpacing: 0.6, opacity: 0.85, lineHeight: 1.4, display: { xs: 'none', sm: 'block' } }}>
              CHINA INTERNATIONAL TRADE SINGLE WINDOW
            </Typography>
          </Box>
        </Box>
        {section ? (
          <Box sx={{ borderLeft: '1px solid rgba(255,255,255,0.5)', pl: 2, ml: 1, fontSize: 18, display: { xs: 'none', sm: 'block' } }}>
            {section}
          </Box>
        ) : null}
        <Box sx={{ flex: 1 }} />
        {extra}
        {user ? (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Button
              component={RouterLink}
              to="/account"
              color="inherit"
              startIcon={<AccountCircle />}
              data-testid="header-username"
              sx={{ fontWeight: 600 }}
            >
              {user.username}
            </Button>
            <Button color="inherit" startIcon={<Logout />} onClick={user.onLogout} data-testid="logout">
              {t('nav.logout')}
            </Button>
          </Box>
        ) : null}
        <LanguageSwitch />
      </Toolbar>
    </AppBar>
  );
}
