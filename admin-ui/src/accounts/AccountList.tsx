import { BooleanField, DataTable, List, SearchInput, SelectInput } from 'react-admin';
import { EnumField, MaskedIdField, TextOrDash, TimeField, tableSx } from '../common/fields';
import { ACCOUNT_KINDS, ACCOUNT_STATUSES } from './choices';

const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="kind" source="kind" choices={ACCOUNT_KINDS} alwaysOn />,
    <SelectInput key="status" source="status" choices={ACCOUNT_STATUSES} alwaysOn />,
];

// Only masked numbers are shown: the API never returns the full ID number or mobile.
export const AccountList = () => (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
        <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
            <DataTable.Col source="username" />
            <DataTable.Col source="kind">
                <EnumField source="kind" group="accountKind" />
            </DataTable.Col>
            <DataTable.Col source="name" />
            <DataTable.Col source="enterprise.name" disableSort>
                <TextOrDash source="enterprise.name" fallbacks={['enterpriseName']} />
            </DataTable.Col>
            <DataTable.Col source="idNumberMasked" disableSort>
                <MaskedIdField source="idNumberMasked" />
            </DataTable.Col>
            <DataTable.Col source="mobile" disableSort>
                <TextOrDash source="mobile" />
            </DataTable.Col>
            <DataTable.Col source="status">
                <EnumField source="status" group="accountStatus" />
            </DataTable.Col>
            <DataTable.Col source="mustChangePassword">
                <BooleanField source="mustChangePassword" />
            </DataTable.Col>
            <DataTable.Col source="createdAt">
                <TimeField source="createdAt" />
            </DataTable.Col>
            <DataTable.Col source="lastLoginAt">
                <TimeField source="lastLoginAt" />
            </DataTable.Col>
        </DataTable>
    </List>
);
