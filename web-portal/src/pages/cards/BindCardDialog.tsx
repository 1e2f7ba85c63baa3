// C1 绑卡: the account holder inserts the own card and enters its PIN (purpose 'bind').
import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { cardsApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import type { Card, CardProof } from '../../api/types';
import { CardPinPanel, cardProblem } from '../../cardAgent';
import { useLanguage } from '../../i18n';

interface Props {
  open: boolean;
  kind: 'admin' | 'operator';
  onClose: () => void;
  onBound: (card: Card) => void;
}

export function BindCardDialog({ open, kind, onClose, onBound }: Props) {
  const { t, lang } = useLanguage();
  const [alert, setAlert] = useState<string | null>(null);

  const close = () => {
    setAlert(null);
    onClose();
  };

  const bind = async (proof: CardProof) => {
    setAlert(null);
    try {
      const { card } = await cardsApi.bind(proof);
      onBound(card);
    } catch (err) {
      setAlert(cardProblem(err, lang) ?? describeError(err, t));
      throw err;
    }
  };

  return (
    <Dialog open={open} onClose={close} maxWidth="sm" fullWidth aria-labelledby="bind-title">
      <DialogTitle id="bind-title">{t('cards.bindTitle')}</DialogTitle>
      <DialogContent dividers>
        {open ? (
          <CardPinPanel
            purpose="bind"
            intro={t('cards.bindIntro')}
            alert={alert}
            onClearAlert={() => setAlert(null)}
            onProof={bind}
            submitLabel={t('cards.bind')}
            expectType={kind === 'admin' ? 'legal' : 'operator'}
            wrongTypeText={kind === 'admin' ? t('cards.bindWrongType.admin') : t('cards.bindWrongType.operator')}
            idPrefix="bind"
          />
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{t('common.cancel')}</Button>
      </DialogActions>
    </Dialog>
  );
}
