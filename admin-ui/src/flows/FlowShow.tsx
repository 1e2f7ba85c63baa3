import { Labeled, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { EnumField, FlowStatusChip, TextOrDash, TimeField } from '../common/fields';
import { TemporalLinkButton } from './TemporalLinkButton';

const FlowShowActions = () => (
    <TopToolbar>
        <TemporalLinkButton />
    </TopToolbar>
);

export const FlowShow = () => (
    <Show actions={<FlowShowActions />}>
        <SimpleShowLayout>
            <TextField source="id" />
            <Labeled source="type">
                <EnumField source="type" group="flowType" />
            </Labeled>
            <Labeled source="status">
                <FlowStatusChip source="status" />
            </Labeled>
            <Labeled source="step">
                <EnumField source="step" group="flowStep" />
            </Labeled>
            <Labeled source="uscc">
                <TextOrDash source="uscc" />
            </Labeled>
            <Labeled source="applicant">
                <TextOrDash source="applicant" />
            </Labeled>
            <Labeled source="startedAt">
                <TimeField source="startedAt" />
            </Labeled>
            <Labeled source="closedAt">
                <TimeField source="closedAt" />
            </Labeled>
        </SimpleShowLayout>
    </Show>
);
