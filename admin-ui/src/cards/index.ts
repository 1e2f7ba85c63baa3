import CreditCardIcon from '@mui/icons-material/CreditCard';
import { CardList } from './CardList';
import { CardShow } from './CardShow';

/** Read-only: cards are issued by the card authority and bound by their holders in the portal. */
export default {
    list: CardList,
    show: CardShow,
    icon: CreditCardIcon,
    recordRepresentation: 'cardNo',
};
