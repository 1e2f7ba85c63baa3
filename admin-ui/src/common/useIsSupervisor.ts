import { usePermissions } from 'react-admin';

/** True when the logged-in staff member is a supervisor (role from authProvider.getPermissions). */
export const useIsSupervisor = () => {
    const { permissions } = usePermissions<string>();
    return permissions === 'supervisor';
};
