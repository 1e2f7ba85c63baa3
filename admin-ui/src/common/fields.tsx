import { Chip, Typography } from '@mui/material';
import type { ChipProps } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

export type EnumGroup =
    | 'role'
    | 'accountKind'
    | 'accountStatus'
    | 'idType'
    | 'channel'
    | 'actorType'
    | 'flowType'
    | 'flowStatus'
    | 'flowStep'
    | 'registryStatus'
    | 'cardType'
    | 'cardMedium'
    | 'cardStatus'
    | 'cardOperation';

const getPath = (record: Record<string, any> | undefined, source: string): unknown =>
    source.split('.').reduce<any>((value, key) => (value == null ? value : value[key]), record);

/** Translation key of an enumeration value; unknown values fall back to the raw value. */
export const enumKey = (group: EnumGroup, value: unknown) => `sw.enum.${group}.${String(value)}`;

/** Choices for SelectInput (names are translation keys, translated by react-admin). */
export const enumChoices = (group: EnumGroup, values: string[]) =>
    values.map((value) => ({ id: value, name: enumKey(group, value) }));

export const useEnumLabel = () => {
    const translate = useTranslate();
    return (group: EnumGroup, value: unknown) =>
        value == null || value === '' ? '' : translate(enumKey(group, value), { _: String(value) });
};

interface SourceProps {
    source: string;
    label?: string;
}

/** Shows an enumeration value in the chosen language. */
export const EnumField = ({ source, group }: SourceProps & { group: EnumGroup }) => {
    const record = useRecordContext();
    const label = useEnumLabel();
    const value = getPath(record, source);
    return (
        <Typography component="span" variant="body2">
            {value == null || value === '' ? '—' : label(group, value)}
        </Typography>
    );
};

const FLOW_STATUS_COLORS: Record<string, ChipProps['color']> = {
    active: 'info',
    completed: 'success',
    expired: 'warning',
};

/** Flow status as a colored chip. */
export const FlowStatusChip = ({ source = 'status' }: Partial<SourceProps>) => {
    const record = useRecordContext();
    const label = useEnumLabel();
    const value = getPath(record, source);
    if (value == null) return null;
    return (
        <Chip
            size="small"
            label={label('flowStatus', value)}
            color={FLOW_STATUS_COLORS[String(value)] ?? 'default'}
            variant={value === 'active' ? 'filled' : 'outlined'}
        />
    );
};

const CARD_STATUS_COLORS: Record<string, ChipProps['color']> = {
    active: 'success',
    frozen: 'info',
    lost: 'error',
    locked: 'warning',
    revoked: 'default',
    expired: 'default',
};

/** Card status as a colored chip: active green, frozen blue, lost red, locked orange, revoked/expired grey. */
export const CardStatusChip = ({ source = 'status' }: Partial<SourceProps>) => {
    const record = useRecordContext();
    const label = useEnumLabel();
    const value = getPath(record, source);
    if (value == null) return null;
    return (
        <Chip
            size="small"
            label={label('cardStatus', value)}
            color={CARD_STATUS_COLORS[String(value)] ?? 'default'}
            variant={value === 'revoked' || value === 'expired' ? 'outlined' : 'filled'}
        />
    );
};

/** Card type (法人卡 / 操作员卡) as a chip. */
export const CardTypeChip = ({ source = 'cardType' }: Partial<SourceProps>) => {
    const record = useRecordContext();
    const label = useEnumLabel();
    const value = getPath(record, source);
    if (value == null) return null;
    return (
        <Chip
            size="small"
            label={label('cardType', value)}
            color={value === 'legal' ? 'primary' : 'default'}
            variant="outlined"
        />
    );
};

/** Date and time in the console language (zh-CN / en-GB style), "—" when empty. */
export const TimeField = ({ source }: SourceProps) => {
    const record = useRecordContext();
    const [locale] = useLocaleState();
    const value = getPath(record, source);
    if (value == null || value === '') {
        return (
            <Typography component="span" variant="body2">
                —
            </Typography>
        );
    }
    const date = new Date(String(value));
    const text = Number.isNaN(date.getTime())
        ? String(value)
        : date.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
    return (
        <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
            {text}
        </Typography>
    );
};

/** Plain text with an em dash for empty values; nested sources ("enterprise.name") allowed. */
export const TextOrDash = ({ source, fallbacks = [] }: SourceProps & { fallbacks?: string[] }) => {
    const record = useRecordContext();
    const value = [source, ...fallbacks]
        .map((s) => getPath(record, s))
        .find((v) => v != null && v !== '');
    return (
        <Typography component="span" variant="body2">
            {value == null ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value)}
        </Typography>
    );
};

const toJson = (value: unknown, space?: number) => {
    if (value == null || value === '') return '';
    if (typeof value === 'string') {
        try {
            return JSON.stringify(JSON.parse(value), null, space);
        } catch {
            return value;
        }
    }
    return JSON.stringify(value, null, space);
};

/** JSON shortened to one line for lists. */
export const ShortJsonField = ({ source, max = 80 }: SourceProps & { max?: number }) => {
    const record = useRecordContext();
    const json = toJson(getPath(record, source));
    const short = json.length > max ? `${json.slice(0, max - 1)}…` : json;
    return (
        <Typography
            component="code"
            variant="body2"
            title={json}
            sx={{ fontFamily: 'monospace', fontSize: '0.8rem', wordBreak: 'break-all' }}
        >
            {short || '—'}
        </Typography>
    );
};

/** Pretty-printed JSON for show pages. */
export const JsonField = ({ source }: SourceProps) => {
    const record = useRecordContext();
    const json = toJson(getPath(record, source), 2);
    return (
        <Typography
            component="pre"
            variant="body2"
            sx={{ fontFamily: 'monospace', fontSize: '0.8rem', whiteSpace: 'pre-wrap', m: 0 }}
        >
            {json || '—'}
        </Typography>
    );
};

/** Masks an identity number for display: 1301******1813. */
export const maskIdNumber = (value: unknown) => {
    const text = value == null ? '' : String(value);
    if (text.length <= 8) return text ? `${text.slice(0, 1)}${'*'.repeat(Math.max(text.length - 1, 0))}` : '';
    return `${text.slice(0, 4)}******${text.slice(-4)}`;
};

export const MaskedIdField = ({ source }: SourceProps) => {
    const record = useRecordContext();
    const value = getPath(record, source);
    return (
        <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace' }}>
            {value ? maskIdNumber(value) : '—'}
        </Typography>
    );
};

/** DataTable sx: keep Chinese column headers on one line. */
export const tableSx = { '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } } as const;
