import { maxLength, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import type { ReactElement } from 'react';
import { validateOrgCode, validateUscc } from '../common/validation';
import { ID_TYPES, REGISTRY_STATUSES } from './choices';

const upper = (value: string) => (typeof value === 'string' ? value.toUpperCase().trim() : value);

/**
 * Characters 9–17 of the USCC are the organization code (SPEC §3). Input-level only:
 * react-admin ignores input validators when the form has a `validate` prop.
 */
const matchesUscc = (value: unknown, values: Record<string, any>) => {
    const uscc = String(values?.uscc ?? '');
    return value && uscc.length === 18 && uscc.slice(8, 17) !== String(value)
        ? 'sw.validation.orgCodeMismatch'
        : undefined;
};

export const RegistryForm = ({ toolbar }: { toolbar?: ReactElement | false }) => (
    <SimpleForm toolbar={toolbar}>
        <TextInput source="uscc" parse={upper} validate={[required(), validateUscc]} />
        <TextInput source="orgCode" parse={upper} validate={[required(), validateOrgCode, matchesUscc]} />
        <TextInput source="name" validate={[required(), maxLength(200)]} />
        <TextInput source="legalRepName" validate={[required(), maxLength(100)]} />
        <SelectInput source="legalRepIdType" choices={ID_TYPES} validate={required()} />
        <TextInput source="legalRepIdNumber" parse={upper} validate={[required(), maxLength(40)]} />
        <SelectInput source="status" choices={REGISTRY_STATUSES} validate={required()} />
    </SimpleForm>
);
