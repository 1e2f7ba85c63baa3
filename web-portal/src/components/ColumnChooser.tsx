// The small "which columns" menu of the portal's lists: a checkbox per column, the choice kept in
// localStorage under `storageKey` so it survives reloads.
import { useState } from 'react';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import ViewColumn from '@mui/icons-material/ViewColumn';

export interface ColumnOption {
  key: string;
  label: string;
}

function read(storageKey: string, all: string[], defaults: string[]): string[] {
  try {
    const raw = localStorage.getItem(storageKey);
    if (!raw) return defaults;
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return defaults;
    const keep = parsed.filter((k): k is string => typeof k === 'string' && all.includes(k));
    return keep.length ? keep : defaults;
  } catch {
    return defaults;
  }
}

/** The visible column keys and a setter that stores them. */
export function useColumnChoice(storageKey: string, all: string[], defaults: string[] = all) {
  const [visible, setVisible] = useState<string[]>(() => read(storageKey, all, defaults));
  const update = (next: string[]) => {
    setVisible(next);
    try {
      localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // Storage off: the choice lasts for this page only.
    }
  };
  return [visible, update] as const;
}

interface Props {
  columns: ColumnOption[];
  visible: string[];
  onChange: (visible: string[]) => void;
  label: string;
  testId?: string;
}

export function ColumnChooser({ columns, visible, onChange, label, testId = 'column-chooser' }: Props) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const toggle = (key: string) => {
    const on = visible.includes(key);
    // At least one column stays.
    if (on && visible.length === 1) return;
    const next = on ? visible.filter((k) => k !== key) : columns.map((c) => c.key).filter((k) => k === key || visible.includes(k));
    onChange(next);
  };
  return (
    <>
      <Tooltip title={label}>
        <IconButton onClick={(e) => setAnchor(e.currentTarget)} aria-label={label} aria-haspopup="menu" data-testid={testId} size="small" sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 1 }}>
          <ViewColumn fontSize="small" />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)} slotProps={{ list: { dense: true, 'aria-label': label } as object }}>
        {columns.map((c) => {
          const on = visible.includes(c.key);
          return (
            <MenuItem key={c.key} onClick={() => toggle(c.key)} data-testid={`${testId}-${c.key}`} role="menuitemcheckbox" aria-checked={on} sx={{ py: 0 }}>
              <ListItemIcon>
                <Checkbox edge="start" size="small" checked={on} tabIndex={-1} disableRipple name={`column-${c.key}`} />
              </ListItemIcon>
              <ListItemText primary={c.label} />
            </MenuItem>
          );
        })}
      </Menu>
    </>
  );
}
