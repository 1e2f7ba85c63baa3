import { Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField, JsonField, TextOrDash, TimeField } from '../common/fields';

export const AuditEventShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="id" />
            <Labeled source="at">
                <TimeField source="at" />
            </Labeled>
            <Labeled source="actorType">
                <EnumField source="actorType" group="actorType" />
            </Labeled>
            <Labeled source="actorName">
                <TextOrDash source="actorName" />
            </Labeled>
            <TextField source="action" />
            <Labeled source="entityType">
                <TextOrDash source="entityType" />
            </Labeled>
            <Labeled source="entityId">
                <TextOrDash source="entityId" />
            </Labeled>
            <Labeled source="ip">
                <TextOrDash source="ip" />
            </Labeled>
            <Labeled source="details">
                <JsonField source="details" />
            </Labeled>
        </SimpleShowLayout>
    </Show>
);
