import {
    CreateButton,
    DataTable,
    DeleteButton,
    EditButton,
    ExportButton,
    List,
    SearchInput,
    SelectInput,
    TopToolbar,
} from 'react-admin';
import { EnumField, MaskedIdField, tableSx } from '../common/fields';
import { useIsSupervisor } from '../common/useIsSupervisor';
import { REGISTRY_STATUSES } from './choices';

const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={REGISTRY_STATUSES} />,
];

const RegistryListActions = () => {
    const isSupervisor = useIsSupervisor();
    return (
        <TopToolbar>
            {isSupervisor && <CreateButton />}
            <ExportButton />
        </TopToolbar>
    );
};

export const RegistryList = () => {
    const isSupervisor = useIsSupervisor();
    return (
        <List filters={filters} actions={<RegistryListActions />} perPage={25}>
            <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
                <DataTable.Col source="uscc" />
                <DataTable.Col source="orgCode" />
                <DataTable.Col source="name" />
                <DataTable.Col source="legalRepName" />
                <DataTable.Col source="legalRepIdType">
                    <EnumField source="legalRepIdType" group="idType" />
                </DataTable.Col>
                <DataTable.Col source="legalRepIdNumber" disableSort>
                    <MaskedIdField source="legalRepIdNumber" />
                </DataTable.Col>
                <DataTable.Col source="status">
                    <EnumField source="status" group="registryStatus" />
                </DataTable.Col>
                {isSupervisor && (
                    <DataTable.Col label="" disableSort align="right" sx={{ whiteSpace: 'nowrap' }}>
                        <EditButton />
                        <DeleteButton mutationMode="pessimistic" />
                    </DataTable.Col>
                )}
            </DataTable>
        </List>
    );
};
