import { DataTable, List, SearchInput, SelectInput } from 'react-admin';
import { CardStatusChip, CardTypeChip, EnumField, MaskedIdField, TextOrDash, TimeField, tableSx } from '../common/fields';
import { CARD_STATUSES, CARD_TYPES } from './choices';

const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={CARD_STATUSES} alwaysOn />,
    <SelectInput key="cardType" source="cardType" choices={CARD_TYPES} alwaysOn />,
];

// The API sorts by id, cardNo, notAfter and createdAt only; other columns are not sortable.
export const CardList = () => (
    <List filters={filters} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
        <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
            <DataTable.Col source="cardNo" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} />
            <DataTable.Col source="cardType" disableSort>
                <CardTypeChip source="cardType" />
            </DataTable.Col>
            <DataTable.Col source="medium" disableSort>
                <EnumField source="medium" group="cardMedium" />
            </DataTable.Col>
            <DataTable.Col source="holderName" disableSort />
            <DataTable.Col source="holderIdMasked" disableSort>
                <MaskedIdField source="holderIdMasked" />
            </DataTable.Col>
            <DataTable.Col source="enterpriseName" disableSort>
                <TextOrDash source="enterpriseName" />
            </DataTable.Col>
            <DataTable.Col source="status" disableSort>
                <CardStatusChip source="status" />
            </DataTable.Col>
            <DataTable.Col source="accountUsername" disableSort>
                <TextOrDash source="accountUsername" />
            </DataTable.Col>
            <DataTable.Col source="notAfter">
                <TimeField source="notAfter" />
            </DataTable.Col>
        </DataTable>
    </List>
);
