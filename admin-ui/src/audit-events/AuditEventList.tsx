import { DataTable, List, TextInput } from 'react-admin';
import { EnumField, ShortJsonField, TimeField, tableSx } from '../common/fields';

const filters = [
    <TextInput key="action" source="action" alwaysOn />,
    <TextInput key="actorName" source="actorName" alwaysOn />,
];

export const AuditEventList = () => (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={25}>
        <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
            <DataTable.Col source="at">
                <TimeField source="at" />
            </DataTable.Col>
            <DataTable.Col source="actorType">
                <EnumField source="actorType" group="actorType" />
            </DataTable.Col>
            <DataTable.Col source="actorName" />
            <DataTable.Col source="action" />
            <DataTable.Col source="entityType" />
            <DataTable.Col source="entityId" />
            <DataTable.Col source="ip" />
            <DataTable.Col source="details" disableSort>
                <ShortJsonField source="details" />
            </DataTable.Col>
        </DataTable>
    </List>
);
