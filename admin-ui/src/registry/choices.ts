import { enumChoices } from '../common/fields';

export const ID_TYPES = enumChoices('idType', [
    'resident',
    'passport',
    'taiwan',
    'hkmacao',
    'foreigner',
    'other',
]);

export const REGISTRY_STATUSES = enumChoices('registryStatus', ['存续', '在业', '吊销', '注销', '迁出', '停业']);
