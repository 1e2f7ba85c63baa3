import { Edit } from 'react-admin';
import { RegistryForm } from './RegistryForm';

export const RegistryEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <RegistryForm />
    </Edit>
);
