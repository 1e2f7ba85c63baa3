import { Create } from 'react-admin';
import { RegistryForm } from './RegistryForm';

export const RegistryCreate = () => (
    <Create redirect="show" record={{ legalRepIdType: 'resident', status: '存续' }}>
        <RegistryForm />
    </Create>
);
