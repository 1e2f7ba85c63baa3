import { DataTable, List } from 'react-admin';
import { EnumField, TimeField, tableSx } from '../common/fields';

/** 短信/邮件发件箱: messages sent by the SMS and mail simulators, newest first. */
export const OutboxList = () => (
    <List sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
        <DataTable rowClick={false} bulkActionButtons={false} sx={tableSx}>
            <DataTable.Col source="channel">
                <EnumField source="channel" group="channel" />
            </DataTable.Col>
            <DataTable.Col source="to" />
            <DataTable.Col source="body" disableSort sx={{ whiteSpace: 'pre-wrap', maxWidth: 640 }} />
            <DataTable.Col source="createdAt">
                <TimeField source="createdAt" />
            </DataTable.Col>
        </DataTable>
    </List>
);
