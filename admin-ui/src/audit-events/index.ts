import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

export default {
    list: AuditEventList,
    show: AuditEventShow,
    icon: ReceiptLongIcon,
};
