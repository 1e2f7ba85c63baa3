import { Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField, MaskedIdField, TextOrDash, TimeField } from '../common/fields';

export const EnterpriseShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="id" />
            <TextField source="uscc" />
            <TextField source="orgCode" />
            <TextField source="name" />
            <TextField source="legalRepName" />
            <Labeled source="legalRepIdType">
                <EnumField source="legalRepIdType" group="idType" />
            </Labeled>
            <Labeled source="legalRepIdNumberMasked">
                <MaskedIdField source="legalRepIdNumberMasked" />
            </Labeled>
            <Labeled source="legalRepIdValidFrom">
                <TextOrDash source="legalRepIdValidFrom" />
            </Labeled>
            <Labeled source="legalRepIdValidTo">
                <TextOrDash source="legalRepIdValidTo" />
            </Labeled>
            <Labeled source="createdAt">
                <TimeField source="createdAt" />
            </Labeled>
        </SimpleShowLayout>
    </Show>
);
