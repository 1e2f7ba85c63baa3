import { ArrayField, DataTable, Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import {
    CardStatusChip,
    CardTypeChip,
    EnumField,
    MaskedIdField,
    ShortJsonField,
    TextOrDash,
    TimeField,
    tableSx,
} from '../common/fields';

export const CardShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="id" />
            <TextField source="cardNo" />
            <Labeled source="cardType">
                <CardTypeChip source="cardType" />
            </Labeled>
            <Labeled source="medium">
                <EnumField source="medium" group="cardMedium" />
            </Labeled>
            <Labeled source="holderName">
                <TextOrDash source="holderName" />
            </Labeled>
            <Labeled source="holderIdType">
                <EnumField source="holderIdType" group="idType" />
            </Labeled>
            <Labeled source="holderIdMasked">
                <MaskedIdField source="holderIdMasked" />
            </Labeled>
            <Labeled source="uscc">
                <TextOrDash source="uscc" />
            </Labeled>
            <Labeled source="enterpriseName">
                <TextOrDash source="enterpriseName" />
            </Labeled>
            <Labeled source="certSerial">
                <TextOrDash source="certSerial" />
            </Labeled>
            <Labeled source="notBefore">
                <TimeField source="notBefore" />
            </Labeled>
            <Labeled source="notAfter">
                <TimeField source="notAfter" />
            </Labeled>
            <Labeled source="status">
                <CardStatusChip source="status" />
            </Labeled>
            <Labeled source="accountId">
                <TextOrDash source="accountId" />
            </Labeled>
            <Labeled source="accountUsername">
                <TextOrDash source="accountUsername" />
            </Labeled>
            <Labeled source="boundAt">
                <TimeField source="boundAt" />
            </Labeled>
            {/* Operations in time order (oldest first), each name translated. */}
            <ArrayField source="operations" sort={{ field: 'at', order: 'ASC' }}>
                <DataTable bulkActionButtons={false} rowClick={false} sx={tableSx}>
                    <DataTable.Col source="at">
                        <TimeField source="at" />
                    </DataTable.Col>
                    <DataTable.Col source="operation">
                        <EnumField source="operation" group="cardOperation" />
                    </DataTable.Col>
                    <DataTable.Col source="actorType">
                        <EnumField source="actorType" group="actorType" />
                    </DataTable.Col>
                    <DataTable.Col source="actorId">
                        <TextOrDash source="actorId" />
                    </DataTable.Col>
                    <DataTable.Col source="accountId">
                        <TextOrDash source="accountId" />
                    </DataTable.Col>
                    <DataTable.Col source="details" disableSort>
                        <ShortJsonField source="details" />
                    </DataTable.Col>
                </DataTable>
            </ArrayField>
        </SimpleShowLayout>
    </Show>
);
