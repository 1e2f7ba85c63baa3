// Frame of the logged-in pages (manual 000 §3.7, 001 ch.8): header with the user and 退出, the left
// menu (折叠/展开: folded it shows icons only), and the display area with its tab bar: every page
// opened from the menu stays as a tab (移动页签, 关闭全部/其他选项卡), the current one below it.
// Keyboard: Tab moves through menu, tabs and page; ↑ ↓ move inside the menu; ← → between tabs.
import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { matchPath, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import Apps from '@mui/icons-material/Apps';
import Badge from '@mui/icons-material/Badge';
import CreditCard from '@mui/icons-material/CreditCard';
import Group from '@mui/icons-material/Group';
import HomeOutlined from '@mui/icons-material/HomeOutlined';
import Menu from '@mui/icons-material/Menu';
import MenuOpen from '@mui/icons-material/MenuOpen';
import VerifiedUser from '@mui/icons-material/VerifiedUser';
import WorkspacePremium from '@mui/icons-material/WorkspacePremium';
import { useLanguage, type MessageKey } from '../i18n';
import { useSession } from '../session/SessionContext';
import { PageShell } from './PageShell';
import { TabBar, type TabDef } from './shell/TabBar';
import { HOME_PATH, useOpenTabs } from './shell/useOpenTabs';

export interface MenuItemDef {
  to: string;
  label: MessageKey;
  icon: ReactNode;
  /** Account kinds that see the entry; every kind when absent. */
  kinds?: readonly string[];
  testId: string;
}

/** 首页: the fixed first tab, where 关闭全部选项卡 leads. */
export const HOME_ENTRY: MenuItemDef = { to: HOME_PATH, label: 'nav.home', icon: <HomeOutlined />, testId: 'nav-home' };

// English labels are longer ("Account information"): the menu grows instead of cutting them.
const MENU_WIDTH_ZH = 200;
const MENU_WIDTH_EN = 236;

export const MENU: MenuItemDef[] = [
  { to: '/account', label: 'nav.account', icon: <Badge />, testId: 'nav-account' },
  { to: '/operators', label: 'nav.operators', icon: <Group />, kinds: ['admin'], testId: 'nav-operators' },
  { to: '/cards', label: 'nav.cards', icon: <CreditCard />, kinds: ['admin', 'operator'], testId: 'nav-cards' },
  { to: '/qualifications', label: 'nav.qualifications', icon: <WorkspacePremium />, kinds: ['admin'], testId: 'nav-qualifications' },
  { to: '/permissions', label: 'nav.permissions', icon: <VerifiedUser />, kinds: ['admin'], testId: 'nav-permissions' },
  { to: '/apps', label: 'nav.apps', icon: <Apps />, kinds: ['operator'], testId: 'nav-apps' },
];

const COLLAPSED_KEY = 'sw.portal.menuCollapsed';

/** The menu entry a path belongs to (the entry itself or a page below it). */
function entryOf(path: string, entries: MenuItemDef[]): MenuItemDef | undefined {
  return entries.find((m) => matchPath({ path: m.to, end: false }, path));
}

const testKeyOf = (to: string) => to.replace(/^\//, '').replace(/\W+/g, '-') || 'home';

export function LoggedInLayout() {
  const { t, lang } = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const { account, logout } = useSession();
  const [collapsed, setCollapsed] = useState(() => {
    try {
      return localStorage.getItem(COLLAPSED_KEY) === '1';
    } catch {
      return false;
    }
  });
  useEffect(() => {
    try {
      localStorage.setItem(COLLAPSED_KEY, collapsed ? '1' : '0');
    } catch {
      // Storage off: the choice lasts for this page only.
    }
  }, [collapsed]);

  const onLogout = () => {
    void logout().finally(() => navigate('/login', { replace: true }));
  };

  const items = MENU.filter((m) => !m.kinds || m.kinds.includes(account.kind));
  const entries = [HOME_ENTRY, ...items];
  const currentEntry = entryOf(location.pathname, entries);
  const current = currentEntry ? { key: currentEntry.to, path: location.pathname + location.search } : null;
  const { tabs, close, closeOthers, closeAll } = useOpenTabs(account.id, current, (key) => items.some((m) => m.to === key));

  const tabDefs: TabDef[] = [
    { key: HOME_ENTRY.to, label: t(HOME_ENTRY.label), icon: HOME_ENTRY.icon, closable: false, testKey: 'home' },
    ...tabs.flatMap((tab) => {
      const entry = items.find((m) => m.to === tab.key);
      return entry ? [{ key: tab.key, label: t(entry.label), closable: true, testKey: testKeyOf(entry.to) }] : [];
    }),
  ];
  const pathOf = (key: string) => (key === HOME_PATH ? HOME_PATH : tabs.find((x) => x.key === key)?.path ?? key);

  const onClose = (key: string) => {
    if (key === currentEntry?.to) {
      // The neighbour on the right, else on the left, else 首页 takes over.
      const i = tabDefs.findIndex((x) => x.key === key);
      const next = tabDefs[i + 1] ?? tabDefs[i - 1];
      navigate(next ? pathOf(next.key) : HOME_PATH);
    }
    close(key);
  };
  const onCloseOthers = (key: string) => {
    if (key !== currentEntry?.to) navigate(pathOf(key));
    closeOthers(key);
  };
  const onCloseAll = () => {
    closeAll();
    navigate(HOME_PATH);
  };

  // ↑ ↓ Home End between the menu entries (Tab leaves the menu).
  const onMenuKey = (e: KeyboardEvent<HTMLElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    const links = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('a[data-menu-item]'));
    if (!links.length) return;
    e.preventDefault();
    const i = links.indexOf(document.activeElement as HTMLElement);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? links.length - 1 : e.key === 'ArrowDown' ? (i + 1) % links.length : (i - 1 + links.length) % links.length;
    links[next].focus();
  };

  const toggleLabel = collapsed ? t('nav.expand') : t('nav.collapse');

  return (
    <PageShell section={t('app.userCenter')} user={{ username: account.username, onLogout }} maxWidth={1360}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <Paper
          component="nav"
          variant="outlined"
          aria-label={t('nav.menu')}
          data-testid="side-menu"
          data-collapsed={collapsed ? 'true' : 'false'}
          sx={{ width: collapsed ? 56 : lang === 'en' ? MENU_WIDTH_EN : MENU_WIDTH_ZH, flex: '0 0 auto', transition: 'width .15s', overflow: 'hidden', position: 'sticky', top: 12 }}
        >
          <List disablePadding onKeyDown={onMenuKey}>
            {items.map((m) => {
              const button = (
                <ListItemButton
                  key={m.to}
                  component={NavLink}
                  to={m.to}
                  data-testid={m.testId}
                  data-menu-item=""
                  aria-label={collapsed ? t(m.label) : undefined}
                  sx={{
                    px: 2,
                    minHeight: 46,
                    justifyContent: collapsed ? 'center' : 'flex-start',
                    '&.active': { bgcolor: '#e3edf9', color: 'primary.main', borderRight: '3px solid', borderColor: 'primary.main' },
                    '&.active .MuiListItemIcon-root': { color: 'primary.main' },
                    '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: -2 },
                  }}
                >
                  <ListItemIcon sx={{ minWidth: collapsed ? 0 : 36 }}>{m.icon}</ListItemIcon>
                  {collapsed ? null : <ListItemText primary={t(m.label)} slotProps={{ primary: { noWrap: true, sx: { fontSize: 14 } } }} />}
                </ListItemButton>
              );
              return collapsed ? (
                <Tooltip key={m.to} title={t(m.label)} placement="right">
                  {button}
                </Tooltip>
              ) : (
                button
              );
            })}
          </List>
        </Paper>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Paper variant="outlined" sx={{ display: 'flex', alignItems: 'stretch', mb: 2, overflow: 'hidden', bgcolor: '#f3f6fa' }}>
            <Tooltip title={toggleLabel}>
              <IconButton
                size="small"
                onClick={() => setCollapsed((c) => !c)}
                aria-label={toggleLabel}
                aria-expanded={!collapsed}
                data-testid="menu-toggle"
                sx={{ borderRadius: 0, borderRight: '1px solid', borderColor: 'divider', px: 1 }}
              >
                {collapsed ? <Menu fontSize="small" /> : <MenuOpen fontSize="small" />}
              </IconButton>
            </Tooltip>
            <TabBar
              tabs={tabDefs}
              active={currentEntry?.to ?? null}
              onSelect={(key) => navigate(pathOf(key))}
              onClose={onClose}
              onCloseOthers={onCloseOthers}
              onCloseAll={onCloseAll}
            />
          </Paper>
          <Outlet />
        </Box>
      </Box>
    </PageShell>
  );
}
