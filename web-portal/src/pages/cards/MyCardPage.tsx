// C1 我的IC卡 (administrators and operators): the bound card with a column chooser, 绑卡 and 解绑.
// 解绑 needs the card itself: in a session the card opened it goes at once, else the API answers
// 403 card.proofRequired and the dialog asks for the card and its PIN (purpose 'unbind').
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import LinkIcon from '@mui/icons-material/Link';
import LinkOff from '@mui/icons-material/LinkOff';
import { isApiError } from '../../api/client';
import { cardsApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import type { Card, CardProof } from '../../api/types';
import { CardPinPanel, cardMediumLabel, cardProblem, cardTypeLabel } from '../../cardAgent';
import { ColumnChooser, useColumnChoice, type ColumnOption } from '../../components/ColumnChooser';
import { idTypeLabel } from '../../components/idTypes';
import { SectionTitle } from '../../components/SectionTitle';
import { formatDateTime } from '../../format';
import { useLanguage, type MessageKey } from '../../i18n';
import { useSession } from '../../session/SessionContext';
import { BindCardDialog } from './BindCardDialog';

type ColumnKey =
  | 'cardNo' | 'medium' | 'cardType' | 'holderName' | 'holderIdType' | 'holderIdMasked' | 'enterpriseName'
  | 'uscc' | 'certSerial' | 'notBefore' | 'notAfter' | 'status' | 'boundAt';

const COLUMNS: ColumnKey[] = [
  'cardNo', 'medium', 'cardType', 'holderName', 'holderIdType', 'holderIdMasked', 'enterpriseName',
  'uscc', 'certSerial', 'notBefore', 'notAfter', 'status', 'boundAt',
];
const DEFAULT_COLUMNS: ColumnKey[] = ['cardNo', 'medium', 'cardType', 'holderName', 'enterpriseName', 'notAfter', 'status', 'boundAt'];
const STORAGE_KEY = 'sw.portal.myCard.columns';

const STATUS_COLORS: Record<string, 'success' | 'warning' | 'error' | 'default'> = {
  active: 'success',
  frozen: 'warning',
  locked: 'warning',
  lost: 'error',
  revoked: 'error',
  expired: 'default',
};

// Long values wrap within a sensible width; the short ones stay on one line.
const CELL_SX: Partial<Record<ColumnKey, object>> = {
  cardNo: { whiteSpace: 'nowrap', fontWeight: 600 },
  enterpriseName: { minWidth: 160 },
  certSerial: { wordBreak: 'break-all', minWidth: 150, maxWidth: 190, fontFamily: 'monospace', fontSize: 12 },
};

/** A certificate date as YYYY-MM-DD (the time of day says nothing to the applicant). */
function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function MyCardPage() {
  const { t, lang } = useLanguage();
  const { account } = useSession();
  const [card, setCard] = useState<Card | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [binding, setBinding] = useState(false);
  const [unbinding, setUnbinding] = useState(false);
  const [unbindBusy, setUnbindBusy] = useState(false);
  const [unbindError, setUnbindError] = useState<string | null>(null);
  const [unbindNeedsCard, setUnbindNeedsCard] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [visible, setVisible] = useColumnChoice(STORAGE_KEY, COLUMNS, DEFAULT_COLUMNS);

  const load = useCallback(async () => {
    try {
      const res = await cardsApi.mine();
      setCard(res.card);
      setError(null);
    } catch (e) {
      setError(`${t('cards.loadFailed')}：${describeError(e, t)}`);
    }
  }, [t]);

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const unbind = async (proof?: CardProof) => {
    if (!card) return;
    setUnbindBusy(true);
    setUnbindError(null);
    try {
      await cardsApi.unbind(proof);
      setUnbinding(false);
      setDone(t('cards.unbound', { cardNo: card.cardNo }));
      setCard(null);
      void load();
    } catch (e) {
      if (isApiError(e) && e.status === 404) {
        setUnbinding(false);
        void load();
      } else if (isApiError(e) && e.code === 'card.proofRequired') {
        setUnbindNeedsCard(true);
      } else {
        setUnbindError(cardProblem(e, lang) ?? describeError(e, t));
        if (proof) throw e; // the PIN panel stays as it is
      }
    } finally {
      setUnbindBusy(false);
    }
  };

  const cell = (c: Card, key: ColumnKey): ReactNode => {
    switch (key) {
      case 'medium':
        return cardMediumLabel(c.medium, t);
      case 'cardType':
        return cardTypeLabel(c.cardType, t);
      case 'holderIdType':
        return idTypeLabel(c.holderIdType, lang);
      case 'notBefore':
      case 'notAfter':
        return formatDay(c[key]);
      case 'boundAt':
        return formatDateTime(c.boundAt, lang);
      case 'status': {
        const k = `cards.status.${c.status}` as MessageKey;
        const label = ['active', 'frozen', 'lost', 'locked', 'revoked', 'expired'].includes(c.status) ? t(k) : c.status;
        return <Chip size="small" variant="outlined" color={STATUS_COLORS[c.status] ?? 'default'} label={label} />;
      }
      default:
        return c[key] || t('common.none');
    }
  };

  const columns: ColumnOption[] = COLUMNS.map((key) => ({ key, label: t(`cards.col.${key}` as MessageKey) }));
  const shown = COLUMNS.filter((k) => visible.includes(k));

  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <SectionTitle
        action={
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <Button variant="outlined" startIcon={<LinkIcon />} onClick={() => setBinding(true)} disabled={card !== null} data-testid="bind-card">
              {t('cards.bind')}
            </Button>
            <Button
              variant="outlined"
              color="error"
              startIcon={<LinkOff />}
              onClick={() => {
                setUnbindError(null);
                setUnbindNeedsCard(false);
                setUnbinding(true);
              }}
              disabled={!card}
              data-testid="unbind-card"
            >
              {t('cards.unbind')}
            </Button>
            <ColumnChooser columns={columns} visible={visible} onChange={setVisible} label={t('cards.columns')} testId="card-columns" />
          </Box>
        }
      >
        {t('cards.title')}
      </SectionTitle>
      <Alert severity="info" icon={false} sx={{ mb: 2, py: 0.25 }}>
        ⓘ {t('cards.tip')}
      </Alert>
      {error ? (
        <Alert severity="error" sx={{ mb: 2 }} action={<Button onClick={() => void load()}>{t('common.retry')}</Button>}>
          {error}
        </Alert>
      ) : null}
      <TableContainer sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" data-testid="my-card-table">
          <TableHead>
            <TableRow>
              {shown.map((k) => (
                <TableCell key={k} sx={{ whiteSpace: 'nowrap', bgcolor: '#f5f7fa', fontWeight: 600 }} data-column={k}>
                  {t(`cards.col.${k}` as MessageKey)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {card === undefined ? (
              <TableRow>
                <TableCell colSpan={shown.length} align="center" sx={{ py: 4, color: 'text.secondary' }}>
                  {t('common.loading')}
                </TableCell>
              </TableRow>
            ) : card === null ? (
              <TableRow>
                <TableCell colSpan={shown.length} align="center" sx={{ py: 4, color: 'text.secondary' }} data-testid="my-card-empty">
                  {t('cards.empty')}
                </TableCell>
              </TableRow>
            ) : (
              <TableRow hover data-testid={`my-card-row-${card.cardNo}`}>
                {shown.map((k) => (
                  <TableCell key={k} data-column={k} sx={CELL_SX[k] ?? { whiteSpace: 'nowrap' }}>
                    {cell(card, k)}
                  </TableCell>
                ))}
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {card ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
          {t('cards.count', { n: 1 })}
        </Typography>
      ) : null}

      <BindCardDialog
        open={binding}
        kind={account.kind}
        onClose={() => setBinding(false)}
        onBound={(c) => {
          setBinding(false);
          setCard(c);
          setDone(t('cards.bound', { cardNo: c.cardNo }));
          void load();
        }}
      />
      <Dialog open={unbinding} onClose={unbindBusy ? undefined : () => setUnbinding(false)} maxWidth="xs" fullWidth aria-labelledby="unbind-title">
        <DialogTitle id="unbind-title">{t('cards.unbindTitle')}</DialogTitle>
        <DialogContent dividers>
          {unbindError ? (
            <Alert severity="error" sx={{ mb: 2 }}>
              {unbindError}
            </Alert>
          ) : null}
          <DialogContentText sx={{ color: 'text.primary' }}>{t('cards.unbindText', { cardNo: card?.cardNo ?? '' })}</DialogContentText>
          {unbindNeedsCard && card ? (
            <CardPinPanel
              purpose="unbind"
              intro={t('cards.unbindProofIntro', { cardNo: card.cardNo })}
              onProof={(proof) => unbind(proof)}
              submitLabel={t('cards.unbind')}
              expectType={card.cardType}
              idPrefix="unbind"
            />
          ) : null}
        </DialogContent>
        <DialogActions sx={{ justifyContent: 'center', py: 2 }}>
          {unbindNeedsCard ? null : (
            <Button variant="contained" color="error" onClick={() => void unbind()} disabled={unbindBusy} sx={{ minWidth: 100 }} data-testid="unbind-confirm">
              {t('common.confirm')}
            </Button>
          )}
          <Button variant="outlined" onClick={() => setUnbinding(false)} disabled={unbindBusy} sx={{ minWidth: 100 }} data-testid="unbind-cancel">
            {t('common.cancel')}
          </Button>
        </DialogActions>
      </Dialog>
      <Snackbar open={Boolean(done)} autoHideDuration={6000} onClose={() => setDone(null)} anchorOrigin={{ vertical: 'top', horizontal: 'center' }}>
        <Alert severity="success" onClose={() => setDone(null)} variant="filled" data-testid="card-done">
          {done}
        </Alert>
      </Snackbar>
    </Paper>
  );
}
