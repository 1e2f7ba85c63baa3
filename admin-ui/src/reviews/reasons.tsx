import RuleIcon from '@mui/icons-material/Rule';
import { BooleanField, BooleanInput, Create, DataTable, Edit, List, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { DECISIONS } from './choices';

const decisionChoices = DECISIONS.map((id) => ({ id, name: `sw.review.decision.${id}` }));

const ReasonList = () => (
    <List sort={{ field: 'id', order: 'ASC' }} perPage={50}>
        <DataTable rowClick="edit" bulkActionButtons={false}>
            <DataTable.Col source="id" />
            <DataTable.Col source="decision" />
            <DataTable.Col source="text" />
            <DataTable.Col source="active">
                <BooleanField source="active" />
            </DataTable.Col>
        </DataTable>
    </List>
);

const ReasonForm = () => (
    <SimpleForm>
        <SelectInput source="decision" choices={decisionChoices} validate={required()} />
        <TextInput source="text" validate={required()} fullWidth />
        <BooleanInput source="active" defaultValue />
    </SimpleForm>
);

/** The configurable reasons of decisions (supervisors and system administrators edit them). */
export default {
    list: ReasonList,
    create: () => (
        <Create>
            <ReasonForm />
        </Create>
    ),
    edit: () => (
        <Edit mutationMode="pessimistic">
            <ReasonForm />
        </Edit>
    ),
    icon: RuleIcon,
    recordRepresentation: 'text',
};
