import { Chip } from '@mui/material';
import { BooleanInput, DataTable, List, SelectInput, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { TextOrDash, TimeField, tableSx } from '../common/fields';
import { AGE_CHOICES, ASSIGNEE_CHOICES, CASE_STATUSES, CASE_TYPES } from './choices';

const filters = [
    <SelectInput key="caseType" source="caseType" choices={CASE_TYPES} alwaysOn />,
    <SelectInput key="status" source="status" choices={CASE_STATUSES} alwaysOn />,
    <SelectInput key="assigneeId" source="assigneeId" choices={ASSIGNEE_CHOICES} alwaysOn />,
    <TextInput key="enterprise" source="enterprise" alwaysOn />,
    <SelectInput key="olderThanHours" source="olderThanHours" choices={AGE_CHOICES} />,
    <BooleanInput key="escalated" source="escalated" />,
];

const STATUS_COLORS: Record<string, 'info' | 'success' | 'warning' | 'error' | 'default'> = {
    pending: 'info',
    secondApproval: 'warning',
    moreInfo: 'default',
    approved: 'success',
    rejected: 'error',
    closed: 'default',
};

export const ReviewStatusChip = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    return (
        <>
            <Chip size="small" color={STATUS_COLORS[record.status] ?? 'default'} label={translate(`sw.review.status.${record.status}`, { _: record.status })} />
            {record.escalated && <Chip size="small" color="error" variant="outlined" sx={{ ml: 0.5 }} label={translate('sw.review.escalated')} />}
        </>
    );
};

const CaseType = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    return record ? <span>{translate(`sw.review.caseType.${record.caseType}`, { _: record.caseType })}</span> : null;
};

/** 审核工作台 (V1): the queues of the caller's role, oldest first, open cases by default. */
export const ReviewList = () => (
    <List filters={filters} filterDefaultValues={{ status: 'open' }} sort={{ field: 'submittedAt', order: 'ASC' }} perPage={25}>
        <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
            <DataTable.Col source="id" />
            <DataTable.Col source="caseType">
                <CaseType />
            </DataTable.Col>
            <DataTable.Col source="status">
                <ReviewStatusChip />
            </DataTable.Col>
            <DataTable.Col source="username" />
            <DataTable.Col source="enterpriseName">
                <TextOrDash source="enterpriseName" />
            </DataTable.Col>
            <DataTable.Col source="uscc">
                <TextOrDash source="uscc" />
            </DataTable.Col>
            <DataTable.Col source="assigneeName" disableSort>
                <TextOrDash source="assigneeName" />
            </DataTable.Col>
            <DataTable.Col source="ageHours" disableSort />
            <DataTable.Col source="submittedAt">
                <TimeField source="submittedAt" />
            </DataTable.Col>
        </DataTable>
    </List>
);
