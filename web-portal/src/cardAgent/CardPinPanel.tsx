// "Insert the card, enter its PIN": shows the agent's state and the inserted card, asks the PIN
// (name="pin") and, on 确认 (data-testid="card-pin-submit"), either makes a proof (a fresh challenge
// of the portal API signed by the card) or only checks the PIN (the caller signs later).
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { CardProof, CardPurpose } from '../api/types';
import { useT } from '../i18n';
import { cardAgent, isCardAgentError } from './client';
import { CardInfoView } from './CardInfoView';
import { describeAgentError } from './messages';
import { createCardProof } from './proof';
import type { CardInfo } from './types';
import { useCardAgent } from './useCardAgent';

/** The agent's default PIN tries (CARD_PIN_MAX_TRIES); fewer left are shown under the PIN. */
const FULL_TRIES = 5;

/** The card and PIN once the PIN checked out (verify mode). */
export interface VerifiedCard {
  readerId: string;
  pin: string;
  card: CardInfo;
}

export interface CardPinPanelProps {
  purpose: CardPurpose;
  /** 'proof' (default): sign a fresh challenge and hand the proof over. 'verify': only check the PIN. */
  mode?: 'proof' | 'verify';
  /** Proof mode: the caller sends the proof; whatever it throws is its own business (shown by it). */
  onProof?: (proof: CardProof, card: CardInfo) => Promise<void>;
  onVerified?: (v: VerifiedCard) => void;
  /** A problem of the last card-proven request (e.g. 422 fields.card), shown above the card. */
  alert?: string | null;
  onClearAlert?: () => void;
  intro?: ReactNode;
  submitLabel?: string;
  /** Card type the task needs; another one gets a warning (the API has the last word). */
  expectType?: 'legal' | 'operator';
  wrongTypeText?: string;
  /** Stretch the button over the full width (login box). */
  fullWidthButton?: boolean;
  idPrefix?: string;
}

export function CardPinPanel(props: CardPinPanelProps) {
  const { purpose, mode = 'proof', onProof, onVerified, alert, onClearAlert, intro, submitLabel, expectType, wrongTypeText, fullWidthButton, idPrefix = 'card' } = props;
  const t = useT();
  const agent = useCardAgent();
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | null>(null);
  const [ownAlert, setOwnAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const live = useRef(true);
  const card = agent.card;
  const cardNo = card?.cardNo ?? null;

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  // Another card (or none): what was typed for the previous one does not apply.
  useEffect(() => {
    setPin('');
    setPinError(null);
    setOwnAlert(null);
  }, [cardNo]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (busy || !card || !agent.reader) return;
    setOwnAlert(null);
    onClearAlert?.();
    if (!pin) {
      setPinError(t('card.pinRequired'));
      return;
    }
    setPinError(null);
    setBusy(true);
    const readerId = agent.reader.id;
    try {
      if (mode === 'verify') {
        await cardAgent.verifyPin(readerId, pin);
        if (!live.current) return;
        onVerified?.({ readerId, pin, card });
        return;
      }
      let proof: CardProof;
      try {
        proof = await createCardProof(purpose, readerId, pin, card.cardNo);
      } catch (err) {
        if (!live.current) return;
        if (isCardAgentError(err) && (err.code === 'pin.wrong' || err.code === 'pin.format')) setPinError(describeAgentError(err, t));
        else setOwnAlert(describeAgentError(err, t));
        if (isCardAgentError(err)) void agent.refresh();
        return;
      }
      try {
        await onProof?.(proof, card);
      } catch {
        // The caller shows its own problems.
      }
      if (live.current) setPin('');
    } catch (err) {
      if (!live.current) return;
      if (isCardAgentError(err) && (err.code === 'pin.wrong' || err.code === 'pin.format')) setPinError(describeAgentError(err, t));
      else setOwnAlert(describeAgentError(err, t));
      if (isCardAgentError(err)) void agent.refresh();
    } finally {
      if (live.current) setBusy(false);
    }
  };

  let status: ReactNode = null;
  if (agent.phase === 'checking') {
    status = (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 1.5, color: 'text.secondary' }} data-testid="card-agent-checking">
        <CircularProgress size={18} />
        <Typography variant="body2">{t('cardAgent.checking')}</Typography>
      </Box>
    );
  } else if (agent.phase === 'unreachable') {
    status = (
      <Alert severity="warning" data-testid="card-agent-missing">
        {t('cardAgent.unreachable')}
        <Typography variant="body2" sx={{ mt: 0.5, color: 'text.secondary' }}>
          {t('cardAgent.installHint')}
        </Typography>
      </Alert>
    );
  } else if (agent.phase === 'refused') {
    status = (
      <Alert severity="error" data-testid="card-agent-refused">
        {t('cardAgent.refused')}
      </Alert>
    );
  } else if (!card) {
    status = (
      <Alert severity="info" data-testid="card-absent">
        {t('cardAgent.absent')}
      </Alert>
    );
  }

  const locked = Boolean(card?.locked);
  const wrongType = Boolean(card && expectType && card.cardType !== expectType);
  const canSubmit = Boolean(card) && !locked && agent.phase === 'ready';

  return (
    <Box component="form" noValidate onSubmit={submit} sx={{ display: 'grid', gap: 2 }} data-testid="card-pin-panel">
      {intro ? <Typography variant="body2" color="text.secondary">{intro}</Typography> : null}
      {alert ? (
        <Alert severity="error" data-testid="card-alert">
          {alert}
        </Alert>
      ) : null}
      {ownAlert ? (
        <Alert severity="error" data-testid="card-agent-error">
          {ownAlert}
        </Alert>
      ) : null}
      {status}
      {card && agent.reader ? (
        <>
          {agent.withCard.length > 1 ? (
            <TextField
              select
              size="small"
              label={t('card.reader')}
              name="readerId"
              value={agent.reader.id}
              onChange={(e) => agent.selectReader(e.target.value)}
              slotProps={{ select: { native: true } }}
            >
              {agent.withCard.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} — {r.card?.holderName}
                </option>
              ))}
            </TextField>
          ) : null}
          <CardInfoView card={card} readerName={agent.withCard.length > 1 ? undefined : agent.reader.name} />
          {wrongType ? (
            <Alert severity="warning" data-testid="card-wrong-type">
              {wrongTypeText ?? t('cardAgent.wrongType')}
            </Alert>
          ) : null}
          {locked ? (
            <Alert severity="error" data-testid="card-locked">
              {t('cardAgent.locked')}
            </Alert>
          ) : (
            <TextField
              id={`${idPrefix}-pin`}
              name="pin"
              type="password"
              label={t('card.pin')}
              placeholder={t('card.pinPlaceholder')}
              value={pin}
              onChange={(e) => {
                setPin(e.target.value);
                if (pinError) setPinError(null);
              }}
              error={Boolean(pinError)}
              helperText={pinError ?? (card.pinTriesLeft < FULL_TRIES ? t('card.triesLeft', { n: card.pinTriesLeft }) : undefined)}
              autoComplete="off"
              required
              fullWidth
              autoFocus
              slotProps={{
                htmlInput: { maxLength: 16, inputMode: 'numeric', 'data-field': 'pin' },
                formHelperText: { role: pinError ? 'alert' : undefined, id: `${idPrefix}-pin-error` } as object,
              }}
            />
          )}
        </>
      ) : null}
      <Box sx={{ display: 'flex', justifyContent: fullWidthButton ? 'stretch' : 'flex-end' }}>
        <Button
          type="submit"
          variant="contained"
          size={fullWidthButton ? 'large' : 'medium'}
          fullWidth={fullWidthButton}
          disabled={!canSubmit || busy}
          data-testid="card-pin-submit"
          sx={fullWidthButton ? { py: 1.25, fontSize: 16 } : { minWidth: 120 }}
        >
          {busy ? t('card.checking') : submitLabel ?? t('common.confirm')}
        </Button>
      </Box>
    </Box>
  );
}
