// X1 页签: every page opened from the menu stays as a tab until it is closed. The list lives in
// sessionStorage, so a reload keeps it and a new browser tab starts clean. 首页 is always first
// and cannot be closed. The list belongs to the account that opened it: logging out clears it,
// and another account on the same browser never sees it.
import { useCallback, useEffect, useState } from 'react';

export interface OpenTab {
  /** The menu entry's path ('/operators'): one tab per menu entry. */
  key: string;
  /** The last path shown in the tab (a page below the entry keeps its place). */
  path: string;
}

export const HOME_PATH = '/home';
const STORAGE = 'sw.portal.tabs';

interface Stored {
  owner: number;
  tabs: OpenTab[];
}

function read(owner: number): OpenTab[] {
  try {
    const raw = sessionStorage.getItem(STORAGE);
    const stored = (raw ? JSON.parse(raw) : null) as Partial<Stored> | null;
    if (!stored || stored.owner !== owner || !Array.isArray(stored.tabs)) return [];
    return stored.tabs.filter(
      (t): t is OpenTab => Boolean(t) && typeof t.key === 'string' && typeof t.path === 'string' && t.path.startsWith('/') && t.key !== HOME_PATH,
    );
  } catch {
    return [];
  }
}

function store(owner: number, tabs: OpenTab[]): void {
  try {
    sessionStorage.setItem(STORAGE, JSON.stringify({ owner, tabs } satisfies Stored));
  } catch {
    // Storage off: the tabs last as long as the page.
  }
}

/** Forgets the open tabs: at logout, and when the session is found gone. */
export function clearOpenTabs(): void {
  try {
    sessionStorage.removeItem(STORAGE);
  } catch {
    // Storage off: nothing kept.
  }
}

/**
 * The open tabs (without 首页) of the account `owner`, the current page added when it is new.
 * `allowed` drops entries the account's menu no longer has.
 */
export function useOpenTabs(owner: number, current: OpenTab | null, allowed: (key: string) => boolean) {
  const [tabs, setTabs] = useState<OpenTab[]>(() => read(owner).filter((t) => allowed(t.key)));

  const update = useCallback((fn: (prev: OpenTab[]) => OpenTab[]) => {
    setTabs((prev) => {
      const next = fn(prev);
      store(owner, next);
      return next;
    });
  }, [owner]);

  const key = current?.key;
  const path = current?.path;
  useEffect(() => {
    if (!key || !path || key === HOME_PATH) return;
    update((prev) => {
      const i = prev.findIndex((t) => t.key === key);
      if (i < 0) return [...prev, { key, path }];
      if (prev[i].path === path) return prev;
      return prev.map((t, j) => (j === i ? { key, path } : t));
    });
  }, [key, path, update]);

  const close = useCallback((k: string) => update((prev) => prev.filter((t) => t.key !== k)), [update]);
  const closeOthers = useCallback((k: string) => update((prev) => prev.filter((t) => t.key === k)), [update]);
  const closeAll = useCallback(() => update(() => []), [update]);

  return { tabs, close, closeOthers, closeAll };
}
