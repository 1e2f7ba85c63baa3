// The card in the reader as the agent reads it: number, holder, enterprise, type, medium.
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import CreditCard from '@mui/icons-material/CreditCard';
import Usb from '@mui/icons-material/Usb';
import { useT, type Translate } from '../i18n';
import type { CardInfo } from './types';

export const cardTypeLabel = (type: string, t: Translate) =>
  type === 'legal' ? t('card.type.legal') : type === 'operator' ? t('card.type.operator') : type;
export const cardMediumLabel = (medium: string, t: Translate) =>
  medium === 'ikey' ? t('card.medium.ikey') : medium === 'ic' ? t('card.medium.ic') : medium;

export function CardInfoView({ card, readerName }: { card: CardInfo; readerName?: string }) {
  const t = useT();
  const rows: Array<[string, string, string]> = [
    [t('card.cardNo'), card.cardNo, 'card-info-no'],
    [t('card.holder'), card.holderName, 'card-info-holder'],
    [t('card.enterprise'), card.enterpriseName, 'card-info-enterprise'],
  ];
  return (
    <Box
      data-testid="card-info"
      data-card-no={card.cardNo}
      sx={{ display: 'flex', gap: 1.75, p: 1.75, border: '1px solid', borderColor: 'primary.light', borderRadius: 1, bgcolor: '#f3f7fc' }}
    >
      <Box sx={{ color: 'primary.main', pt: 0.25 }}>{card.medium === 'ikey' ? <Usb fontSize="large" /> : <CreditCard fontSize="large" />}</Box>
      <Box sx={{ minWidth: 0, flex: 1 }}>
        <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap', mb: 0.75 }}>
          <Chip size="small" color={card.cardType === 'legal' ? 'primary' : 'secondary'} label={cardTypeLabel(card.cardType, t)} data-testid="card-info-type" />
          <Chip size="small" variant="outlined" label={cardMediumLabel(card.medium, t)} />
          {readerName ? <Chip size="small" variant="outlined" label={readerName} /> : null}
        </Box>
        <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto minmax(0,1fr)', columnGap: 1.5, rowGap: 0.25 }}>
          {rows.map(([label, value, testId]) => (
            <Box key={testId} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                {label}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: 500, wordBreak: 'break-all' }} data-testid={testId}>
                {value}
              </Typography>
            </Box>
          ))}
        </Box>
      </Box>
    </Box>
  );
}
