// X1 the tab bar of the display area (manual 000 §3.7): one tab per opened page, ‹ › to move the
// tabs when there are more than fit (移动页签), and the drop-down at the right with 关闭全部选项卡 /
// 关闭其他选项卡 (关闭选项卡); right-click on a tab offers the same for that tab. Keyboard: ← →
// Home End move between tabs (and open them), Delete closes the focused tab.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import Close from '@mui/icons-material/Close';
import KeyboardArrowDown from '@mui/icons-material/KeyboardArrowDown';
import { useT } from '../../i18n';

export interface TabDef {
  key: string;
  label: string;
  icon?: ReactNode;
  closable: boolean;
  testKey: string;
}

interface Props {
  tabs: TabDef[];
  active: string | null;
  onSelect: (key: string) => void;
  onClose: (key: string) => void;
  onCloseOthers: (key: string) => void;
  onCloseAll: () => void;
}

export function TabBar({ tabs, active, onSelect, onClose, onCloseOthers, onCloseAll }: Props) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const [canLeft, setCanLeft] = useState(false);
  const [canRight, setCanRight] = useState(false);
  const [menu, setMenu] = useState<{ anchor?: HTMLElement; position?: { top: number; left: number }; key: string | null } | null>(null);

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    setCanLeft(el.scrollLeft > 1);
    setCanRight(el.scrollLeft + el.clientWidth < el.scrollWidth - 1);
  }, []);

  useLayoutEffect(measure, [measure, tabs.length]);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    el.addEventListener('scroll', measure);
    return () => {
      observer?.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, [measure]);

  // The active tab is always in view.
  useEffect(() => {
    const el = scroller.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    measure();
  }, [active, tabs.length, measure]);

  const scrollBy = (dir: 1 | -1) => {
    const el = scroller.current;
    if (!el) return;
    el.scrollBy({ left: dir * Math.max(160, el.clientWidth * 0.6), behavior: 'smooth' });
    window.setTimeout(measure, 350);
  };

  const focusTab = (key: string) => {
    window.setTimeout(() => scroller.current?.querySelector<HTMLElement>(`[data-tab-key="${CSS.escape(key)}"]`)?.focus(), 0);
  };

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const tab = tabs[index];
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    else if ((e.key === 'Delete' || e.key === 'Backspace') && tab.closable) {
      e.preventDefault();
      const neighbour = tabs[index + 1] ?? tabs[index - 1];
      onClose(tab.key);
      if (neighbour) focusTab(neighbour.key);
      return;
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(tab.key);
      return;
    } else if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      e.preventDefault();
      setMenu({ anchor: e.currentTarget as HTMLElement, key: tab.key });
      return;
    }
    if (next === null) return;
    e.preventDefault();
    onSelect(tabs[next].key);
    focusTab(tabs[next].key);
  };

  const onContextMenu = (e: MouseEvent, key: string) => {
    e.preventDefault();
    setMenu({ position: { top: e.clientY, left: e.clientX }, key });
  };

  const menuKey = menu?.key ?? active;
  const menuTab = tabs.find((x) => x.key === menuKey);
  const closeMenu = () => setMenu(null);

  const arrow = (dir: 1 | -1) => (
    <IconButton
      size="small"
      onClick={() => scrollBy(dir)}
      disabled={dir === -1 ? !canLeft : !canRight}
      aria-label={t(dir === -1 ? 'shell.scrollLeft' : 'shell.scrollRight')}
      data-testid={dir === -1 ? 'tabs-scroll-left' : 'tabs-scroll-right'}
      sx={{ borderRadius: 0, px: 0.25, display: canLeft || canRight ? 'inline-flex' : 'none' }}
    >
      {dir === -1 ? <ChevronLeft fontSize="small" /> : <ChevronRight fontSize="small" />}
    </IconButton>
  );

  return (
    <Box sx={{ display: 'flex', alignItems: 'stretch', minWidth: 0, flex: 1 }} data-testid="tab-bar">
      {arrow(-1)}
      <Box
        ref={scroller}
        role="tablist"
        aria-label={t('shell.tabs')}
        sx={{ display: 'flex', flex: 1, minWidth: 0, overflowX: 'auto', scrollbarWidth: 'none', '&::-webkit-scrollbar': { display: 'none' } }}
      >
        {tabs.map((tab, i) => {
          const selected = tab.key === active;
          return (
            <Box
              key={tab.key}
              role="tab"
              aria-selected={selected}
              tabIndex={selected || (!active && i === 0) ? 0 : -1}
              data-tab-key={tab.key}
              data-testid={`tab-${tab.testKey}`}
              onClick={() => onSelect(tab.key)}
              onKeyDown={(e) => onKeyDown(e, i)}
              onContextMenu={(e) => onContextMenu(e, tab.key)}
              onAuxClick={(e) => {
                if (e.button === 1 && tab.closable) onClose(tab.key);
              }}
              sx={{
                display: 'flex',
                alignItems: 'center',
                gap: 0.5,
                flex: '0 0 auto',
                pl: 1.5,
                pr: tab.closable ? 0.5 : 1.5,
                height: 36,
                cursor: 'pointer',
                fontSize: 14,
                whiteSpace: 'nowrap',
                userSelect: 'none',
                borderRight: '1px solid',
                borderColor: 'divider',
                borderTop: '2px solid',
                borderTopColor: selected ? 'primary.main' : 'transparent',
                bgcolor: selected ? 'background.paper' : '#f3f6fa',
                color: selected ? 'primary.main' : 'text.primary',
                fontWeight: selected ? 600 : 400,
                '&:hover': { bgcolor: selected ? 'background.paper' : '#e8eef6' },
                '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: -2 },
                '& .MuiSvgIcon-root': { fontSize: 16 },
              }}
            >
              {tab.icon}
              <span>{tab.label}</span>
              {tab.closable ? (
                <IconButton
                  size="small"
                  tabIndex={-1}
                  aria-label={t('shell.closeTabNamed', { name: tab.label })}
                  data-testid={`tab-close-${tab.testKey}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    onClose(tab.key);
                  }}
                  sx={{ p: 0.25, ml: 0.25, color: 'text.secondary' }}
                >
                  <Close sx={{ fontSize: '14px !important' }} />
                </IconButton>
              ) : null}
            </Box>
          );
        })}
      </Box>
      {arrow(1)}
      <Tooltip title={t('shell.tabMenu')}>
        <IconButton
          size="small"
          onClick={(e) => setMenu({ anchor: e.currentTarget, key: null })}
          aria-label={t('shell.tabMenu')}
          aria-haspopup="menu"
          data-testid="tabs-menu"
          sx={{ borderRadius: 0, borderLeft: '1px solid', borderColor: 'divider', px: 0.75 }}
        >
          <KeyboardArrowDown fontSize="small" />
        </IconButton>
      </Tooltip>
      <Menu
        open={Boolean(menu)}
        onClose={closeMenu}
        anchorEl={menu?.anchor}
        anchorReference={menu?.position ? 'anchorPosition' : 'anchorEl'}
        anchorPosition={menu?.position}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: menu?.position ? 'left' : 'right' }}
      >
        {menu?.key && menuTab?.closable ? (
          <MenuItem
            dense
            data-testid="tabs-close-this"
            onClick={() => {
              closeMenu();
              onClose(menuTab.key);
            }}
          >
            {t('shell.closeTab')}
          </MenuItem>
        ) : null}
        <MenuItem
          dense
          data-testid="tabs-close-others"
          onClick={() => {
            closeMenu();
            if (menuKey) onCloseOthers(menuKey);
          }}
        >
          {t('shell.closeOthers')}
        </MenuItem>
        <MenuItem
          dense
          data-testid="tabs-close-all"
          onClick={() => {
            closeMenu();
            onCloseAll();
          }}
        >
          {t('shell.closeAll')}
        </MenuItem>
      </Menu>
    </Box>
  );
}
