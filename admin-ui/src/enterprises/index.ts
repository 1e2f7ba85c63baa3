import BusinessIcon from '@mui/icons-material/Business';
import { EnterpriseList } from './EnterpriseList';
import { EnterpriseShow } from './EnterpriseShow';

export default {
    list: EnterpriseList,
    show: EnterpriseShow,
    icon: BusinessIcon,
    recordRepresentation: 'name',
};
