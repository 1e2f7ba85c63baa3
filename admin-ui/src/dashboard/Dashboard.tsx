import AccountTreeIcon from '@mui/icons-material/AccountTree';
import BusinessIcon from '@mui/icons-material/Business';
import PeopleIcon from '@mui/icons-material/People';
import { Box, Card, CardActionArea, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Title, useGetIdentity, useGetList, usePermissions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useEnumLabel } from '../common/fields';

/** Total of a resource through dataProvider.getList (Content-Range), one row fetched. */
const useTotal = (resource: string, filter: Record<string, unknown> = {}) => {
    const { total, isPending, error } = useGetList(resource, {
        pagination: { page: 1, perPage: 1 },
        sort: { field: 'id', order: 'DESC' },
        filter,
    });
    return isPending ? '…' : error ? '—' : String(total ?? 0);
};

const CountCard = ({ icon, label, value, to }: { icon: ReactNode; label: string; value: string; to: string }) => (
    <Card sx={{ flex: 1, minWidth: 200 }}>
        <CardActionArea component={Link} to={to}>
            <CardContent>
                <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                    <Box sx={{ color: 'primary.main', display: 'flex' }}>{icon}</Box>
                    <Box>
                        <Typography variant="body2" color="text.secondary">
                            {label}
                        </Typography>
                        <Typography variant="h4" component="p">
                            {value}
                        </Typography>
                    </Box>
                </Stack>
            </CardContent>
        </CardActionArea>
    </Card>
);

export const Dashboard = () => {
    const translate = useTranslate();
    const enumLabel = useEnumLabel();
    const { identity } = useGetIdentity();
    const { permissions } = usePermissions<string>();
    const accounts = useTotal('accounts');
    const enterprises = useTotal('enterprises');
    const activeFlows = useTotal('flows', { status: 'active' });
    const activeFlowsLink = `/flows?filter=${encodeURIComponent(JSON.stringify({ status: 'active' }))}`;
    return (
        <Box sx={{ mt: 2 }}>
            <Title title="sw.title" />
            <Card sx={{ mb: 2 }}>
                <CardContent>
                    <Typography variant="h5" component="h1" gutterBottom>
                        {translate('sw.dashboard.welcome')}
                    </Typography>
                    {identity?.fullName && (
                        <Typography variant="body1">
                            {translate('sw.dashboard.hello', { name: identity.fullName })}
                            {permissions
                                ? ` · ${translate('sw.dashboard.role', { role: enumLabel('role', permissions) })}`
                                : ''}
                        </Typography>
                    )}
                    <Typography variant="body2" color="text.secondary">
                        {translate('sw.dashboard.intro')}
                    </Typography>
                </CardContent>
            </Card>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
                <CountCard icon={<PeopleIcon fontSize="large" />} label={translate('sw.dashboard.accounts')} value={accounts} to="/accounts" />
                <CountCard icon={<BusinessIcon fontSize="large" />} label={translate('sw.dashboard.enterprises')} value={enterprises} to="/enterprises" />
                <CountCard icon={<AccountTreeIcon fontSize="large" />} label={translate('sw.dashboard.activeFlows')} value={activeFlows} to={activeFlowsLink} />
            </Stack>
        </Box>
    );
};
