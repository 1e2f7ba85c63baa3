import StorageIcon from '@mui/icons-material/Storage';
import { RegistryCreate } from './RegistryCreate';
import { RegistryEdit } from './RegistryEdit';
import { RegistryList } from './RegistryList';
import { RegistryShow } from './RegistryShow';

/** Read-only parts; App.tsx adds edit/create for supervisors only. */
export default {
    list: RegistryList,
    show: RegistryShow,
    icon: StorageIcon,
    recordRepresentation: 'name',
};

export const registryWrite = {
    edit: RegistryEdit,
    create: RegistryCreate,
};
