import { BooleanField, Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField, MaskedIdField, TextOrDash, TimeField } from '../common/fields';

export const AccountShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="id" />
            <TextField source="username" />
            <Labeled source="kind">
                <EnumField source="kind" group="accountKind" />
            </Labeled>
            <TextField source="name" />
            <Labeled source="enterprise.name">
                <TextOrDash source="enterprise.name" fallbacks={['enterpriseName']} />
            </Labeled>
            <Labeled source="enterprise.uscc">
                <TextOrDash source="enterprise.uscc" />
            </Labeled>
            <Labeled source="idType">
                <EnumField source="idType" group="idType" />
            </Labeled>
            <Labeled source="idNumberMasked">
                <MaskedIdField source="idNumberMasked" />
            </Labeled>
            <Labeled source="idValidFrom">
                <TextOrDash source="idValidFrom" />
            </Labeled>
            <Labeled source="idValidTo">
                <TextOrDash source="idValidTo" />
            </Labeled>
            <Labeled source="mobile">
                <TextOrDash source="mobile" />
            </Labeled>
            <Labeled source="emailMasked">
                <TextOrDash source="emailMasked" />
            </Labeled>
            <Labeled source="status">
                <EnumField source="status" group="accountStatus" />
            </Labeled>
            <BooleanField source="mustChangePassword" />
            <Labeled source="createdAt">
                <TimeField source="createdAt" />
            </Labeled>
            <Labeled source="lastLoginAt">
                <TimeField source="lastLoginAt" />
            </Labeled>
        </SimpleShowLayout>
    </Show>
);
