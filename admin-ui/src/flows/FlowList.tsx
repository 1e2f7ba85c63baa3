import { DataTable, List, SelectInput } from 'react-admin';
import { EnumField, FlowStatusChip, TextOrDash, TimeField, tableSx } from '../common/fields';
import { FLOW_STATUSES, FLOW_STEPS, FLOW_TYPES } from './choices';
import { TemporalLinkButton } from './TemporalLinkButton';

const filters = [
    <SelectInput key="type" source="type" choices={FLOW_TYPES} alwaysOn />,
    <SelectInput key="status" source="status" choices={FLOW_STATUSES} alwaysOn />,
    <SelectInput key="step" source="step" choices={FLOW_STEPS} alwaysOn />,
];

/** 流程监控 (M1): every self-service flow (one Temporal workflow each). */
export const FlowList = () => (
    <List filters={filters} sort={{ field: 'startedAt', order: 'DESC' }} perPage={25}>
        <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
            <DataTable.Col source="id" sx={{ fontFamily: 'monospace', fontSize: '0.8rem', whiteSpace: 'nowrap' }} />
            <DataTable.Col source="type" sx={{ whiteSpace: 'nowrap' }}>
                <EnumField source="type" group="flowType" />
            </DataTable.Col>
            <DataTable.Col source="status">
                <FlowStatusChip source="status" />
            </DataTable.Col>
            <DataTable.Col source="step" sx={{ whiteSpace: 'nowrap' }}>
                <EnumField source="step" group="flowStep" />
            </DataTable.Col>
            <DataTable.Col source="uscc">
                <TextOrDash source="uscc" />
            </DataTable.Col>
            <DataTable.Col source="applicant">
                <TextOrDash source="applicant" />
            </DataTable.Col>
            <DataTable.Col source="startedAt">
                <TimeField source="startedAt" />
            </DataTable.Col>
            <DataTable.Col source="closedAt">
                <TimeField source="closedAt" />
            </DataTable.Col>
            <DataTable.Col source="temporalUrl" disableSort>
                <TemporalLinkButton />
            </DataTable.Col>
        </DataTable>
    </List>
);
