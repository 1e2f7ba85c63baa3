// Frame of the logged-in pages: header with the user and 退出, a collapsible left menu
// (账号信息, 我的操作员 for administrators, 我的IC卡), the page on the right.
import { useState, type ReactNode } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import Badge from '@mui/icons-material/Badge';
import CreditCard from '@mui/icons-material/CreditCard';
import Group from '@mui/icons-material/Group';
import Menu from '@mui/icons-material/Menu';
import MenuOpen from '@mui/icons-material/MenuOpen';
import { useT, type MessageKey } from '../i18n';
import { useSession } from '../session/SessionContext';
import { PageShell } from './PageShell';

interface MenuItemDef {
  to: string;
  label: MessageKey;
  icon: ReactNode;
  adminOnly?: boolean;
  testId: string;
}

const MENU: MenuItemDef[] = [
  { to: '/account', label: 'nav.account', icon: <Badge />, testId: 'nav-account' },
  { to: '/operators', label: 'nav.operators', icon: <Group />, adminOnly: true, testId: 'nav-operators' },
  { to: '/cards', label: 'nav.cards', icon: <CreditCard />, testId: 'nav-cards' },
];

export function LoggedInLayout() {
  const t = useT();
  const navigate = useNavigate();
  const { account, logout } = useSession();
  const [collapsed, setCollapsed] = useState(false);

  const onLogout = () => {
    void logout().finally(() => navigate('/login', { replace: true }));
  };

  const items = MENU.filter((m) => !m.adminOnly || account.kind === 'admin');

  return (
    <PageShell section={t('app.userCenter')} user={{ username: account.username, onLogout }} maxWidth={1280}>
      <Box sx={{ display: 'flex', gap: 2.5, alignItems: 'flex-start' }}>
        <Paper component="nav" variant="outlined" aria-label={t('nav.menu')} sx={{ width: collapsed ? 56 : 216, flex: '0 0 auto', transition: 'width .15s', overflow: 'hidden' }}>
          <Box sx={{ display: 'flex', justifyContent: collapsed ? 'center' : 'flex-end', borderBottom: '1px solid', borderColor: 'divider' }}>
            <Tooltip title={collapsed ? t('nav.expand') : t('nav.collapse')}>
              <IconButton size="small" onClick={() => setCollapsed((c) => !c)} aria-label={collapsed ? t('nav.expand') : t('nav.collapse')} sx={{ m: 0.5 }}>
                {collapsed ? <Menu fontSize="small" /> : <MenuOpen fontSize="small" />}
              </IconButton>
            </Tooltip>
          </Box>
          <List disablePadding>
            {items.map((m) => (
              <ListItemButton
                key={m.to}
                component={NavLink}
                to={m.to}
                data-testid={m.testId}
                sx={{
                  px: collapsed ? 2 : 2,
                  '&.active': { bgcolor: '#e3edf9', color: 'primary.main', borderRight: '3px solid', borderColor: 'primary.main' },
                  '&.active .MuiListItemIcon-root': { color: 'primary.main' },
                }}
              >
                <ListItemIcon sx={{ minWidth: collapsed ? 0 : 36 }}>{m.icon}</ListItemIcon>
                {collapsed ? null : <ListItemText primary={t(m.label)} />}
              </ListItemButton>
            ))}
          </List>
        </Paper>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Outlet />
        </Box>
      </Box>
    </PageShell>
  );
}
