// N6 before saving: every account-center change is sent without `confirm` first; when it would
// void a real-name verification or unbind a card the API answers 409 account.confirmConsequences
// with the list, this dialog shows it, and only "确认保存" sends the change again with confirm.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { isApiError } from '../../api/client';
import type { Consequences } from '../../api/accountEndpoints';
import { useT, type Translate } from '../../i18n';

export function levelLabel(level: string, t: Translate): string {
  return level === 'high' ? t('ac.realName.high') : level === 'medium' ? t('ac.realName.medium') : t('ac.realName.none');
}

/** One line per consequence, for the dialog and for the "saved" notice. */
export function consequenceLines(c: Consequences, t: Translate): string[] {
  return [
    ...c.realNameVoided.map((v) => t('ac.confirmVoided', { username: v.username, level: levelLabel(v.level, t) })),
    ...c.cardsUnbound.map((u) => t('ac.confirmUnbound', { username: u.username, cardNo: u.cardNo })),
  ];
}

export interface ConfirmingSave {
  /** Runs save(false); on 409 asks the user and runs save(true) when agreed; null when declined. */
  run: <T>(save: (confirm: boolean) => Promise<T>) => Promise<T | null>;
  dialog: ReactNode;
}

export function useConfirmingSave(): ConfirmingSave {
  const t = useT();
  const [pending, setPending] = useState<Consequences | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);

  const answer = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setPending(null);
  };

  const run = useCallback(async <T,>(save: (confirm: boolean) => Promise<T>): Promise<T | null> => {
    try {
      return await save(false);
    } catch (err) {
      if (!isApiError(err) || err.code !== 'account.confirmConsequences') throw err;
      const c = err.details.consequences as Consequences | undefined;
      const ok = await new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setPending(c ?? { realNameVoided: [], cardsUnbound: [] });
      });
      return ok ? save(true) : null;
    }
  }, []);

  const dialog = (
    <Dialog open={pending !== null} onClose={() => answer(false)} maxWidth="sm" fullWidth aria-labelledby="consequences-title" data-testid="consequences-dialog">
      <DialogTitle id="consequences-title">{t('ac.confirmTitle')}</DialogTitle>
      <DialogContent dividers>
        <Typography sx={{ mb: 1 }}>{t('ac.confirmIntro')}</Typography>
        <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="consequences-list">
          {pending ? consequenceLines(pending, t).map((line) => (
            <li key={line}>
              <Typography color="error" sx={{ fontSize: 14, py: 0.25 }}>
                {line}
              </Typography>
            </li>
          )) : null}
        </ul>
        <Typography sx={{ mt: 1.5 }}>{t('ac.confirmQuestion')}</Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => answer(false)}>{t('common.cancel')}</Button>
        <Button variant="contained" color="warning" onClick={() => answer(true)} data-testid="consequences-confirm" autoFocus>
          {t('ac.confirmSave')}
        </Button>
      </DialogActions>
    </Dialog>
  );

  return { run, dialog };
}
