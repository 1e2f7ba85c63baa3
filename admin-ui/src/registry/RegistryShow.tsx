import { DeleteButton, EditButton, Labeled, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { EnumField, MaskedIdField } from '../common/fields';
import { useIsSupervisor } from '../common/useIsSupervisor';

const RegistryShowActions = () => {
    const isSupervisor = useIsSupervisor();
    if (!isSupervisor) return <TopToolbar />;
    return (
        <TopToolbar>
            <EditButton />
            <DeleteButton mutationMode="pessimistic" />
        </TopToolbar>
    );
};

export const RegistryShow = () => (
    <Show actions={<RegistryShowActions />}>
        <SimpleShowLayout>
            <TextField source="id" />
            <TextField source="uscc" />
            <TextField source="orgCode" />
            <TextField source="name" />
            <TextField source="legalRepName" />
            <Labeled source="legalRepIdType">
                <EnumField source="legalRepIdType" group="idType" />
            </Labeled>
            <Labeled source="legalRepIdNumber">
                <MaskedIdField source="legalRepIdNumber" />
            </Labeled>
            <Labeled source="status">
                <EnumField source="status" group="registryStatus" />
            </Labeled>
        </SimpleShowLayout>
    </Show>
);
