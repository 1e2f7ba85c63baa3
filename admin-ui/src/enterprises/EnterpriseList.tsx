import { DataTable, List, SearchInput } from 'react-admin';
import { MaskedIdField, TimeField, tableSx } from '../common/fields';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export const EnterpriseList = () => (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
        <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
            <DataTable.Col source="uscc" />
            <DataTable.Col source="orgCode" />
            <DataTable.Col source="name" />
            <DataTable.Col source="legalRepName" />
            <DataTable.Col source="legalRepIdNumberMasked" disableSort>
                <MaskedIdField source="legalRepIdNumberMasked" />
            </DataTable.Col>
            <DataTable.Col source="createdAt">
                <TimeField source="createdAt" />
            </DataTable.Col>
        </DataTable>
    </List>
);
