import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { FlowList } from './FlowList';
import { FlowShow } from './FlowShow';

/** Read-only: flows are started by applicants in the portal, never from the console. */
export default {
    list: FlowList,
    show: FlowShow,
    icon: AccountTreeIcon,
    recordRepresentation: 'id',
};
