import { Box, Card, CardContent, Grid, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { ImageViewer, ReviewImage } from './ImageViewer';
import { ReviewActions } from './ReviewActions';
import { ReviewStatusChip } from './ReviewList';

const Row = ({ label, value, warn }: { label: string; value: unknown; warn?: boolean }) => (
    <TableRow>
        <TableCell sx={{ width: '40%', color: 'text.secondary' }}>{label}</TableCell>
        <TableCell sx={warn ? { color: 'error.main', fontWeight: 600 } : undefined}>{value === undefined || value === null || value === '' ? '—' : String(value)}</TableCell>
    </TableRow>
);

/** V2: the applicant's information and the back office's own records, beside the uploaded images. */
const CaseView = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    const t = (key: string) => translate(`sw.review.field.${key}`);
    const a = record.data?.applicant ?? {};
    const registry = record.data?.registry ?? {};
    const account = record.data?.account ?? {};
    const yesNo = (v: unknown) => (v === undefined ? '—' : translate(v ? 'sw.review.yes' : 'sw.review.no'));
    return (
        <Box sx={{ p: 2 }}>
            <Typography variant="h6">
                {translate(`sw.review.caseType.${record.caseType}`, { _: record.caseType })} #{record.id} <ReviewStatusChip />
            </Typography>
            <Typography variant="body2" color="text.secondary">
                {t('round')} {record.round} · {t('assignee')} {record.assigneeName || '—'}
                {record.fourEyes ? ` · ${translate('sw.review.fourEyes')}` : ''}
                {record.firstApproverName ? ` · ${t('firstApprover')} ${record.firstApproverName}` : ''}
            </Typography>
            <ReviewActions />
            <Grid container spacing={2}>
                <Grid size={{ xs: 12, md: 5 }}>
                    <Card variant="outlined" sx={{ mb: 2 }}>
                        <CardContent>
                            <Typography variant="subtitle1">{translate('sw.review.applicant')}</Typography>
                            <Table size="small">
                                <TableBody>
                                    <Row label={t('username')} value={a.username} />
                                    <Row label={t('mobile')} value={a.mobileMasked} />
                                    <Row label={t('enterpriseName')} value={a.enterpriseName} warn={registry.found && !registry.nameMatches} />
                                    <Row label={t('uscc')} value={a.uscc} warn={account.exists && !account.enterpriseMatches} />
                                    <Row label={t('legalRepName')} value={a.legalRepName} warn={registry.found && registry.legalRepName !== a.legalRepName} />
                                    <Row label={t('legalRepIdNumber')} value={a.legalRepIdNumberMasked} warn={registry.found && !registry.legalRepMatches} />
                                    <Row label={t('validity')} value={`${a.legalRepIdValidFrom ?? ''} – ${a.legalRepIdValidTo === '00000000' ? translate('sw.review.longTerm') : a.legalRepIdValidTo ?? ''}`} />
                                    {a.name && <Row label={t('accountKind')} value={translate(`sw.enum.accountKind.${a.accountKind}`, { _: a.accountKind })} />}
                                    {a.name && <Row label={t('orgCode')} value={a.orgCode} />}
                                    {a.name && <Row label={t('personName')} value={a.name} />}
                                    {a.name && <Row label={t('personIdNumber')} value={a.idNumberMasked} />}
                                </TableBody>
                            </Table>
                        </CardContent>
                    </Card>
                    <Card variant="outlined" sx={{ mb: 2 }}>
                        <CardContent>
                            <Typography variant="subtitle1">{translate('sw.review.records')}</Typography>
                            <Table size="small">
                                <TableBody>
                                    <Row label={t('registryFound')} value={yesNo(registry.found)} warn={!registry.found} />
                                    <Row label={t('registryName')} value={registry.name} />
                                    <Row label={t('registryStatus')} value={registry.status} />
                                    <Row label={t('registryLegalRep')} value={registry.legalRepName} />
                                    <Row label={t('legalRepMatches')} value={yesNo(registry.legalRepMatches)} warn={registry.found && !registry.legalRepMatches} />
                                    <Row label={t('accountExists')} value={yesNo(account.exists)} warn={!account.exists} />
                                    <Row label={t('accountEnterprise')} value={account.enterpriseName} />
                                    <Row label={t('enterpriseMatches')} value={yesNo(account.enterpriseMatches)} warn={account.exists && !account.enterpriseMatches} />
                                </TableBody>
                            </Table>
                        </CardContent>
                    </Card>
                    <Card variant="outlined">
                        <CardContent>
                            <Typography variant="subtitle1">{translate('sw.review.history')}</Typography>
                            <Table size="small">
                                <TableHead>
                                    <TableRow>
                                        <TableCell>{t('at')}</TableCell>
                                        <TableCell>{t('staff')}</TableCell>
                                        <TableCell>{t('action')}</TableCell>
                                        <TableCell>{t('reason')}</TableCell>
                                    </TableRow>
                                </TableHead>
                                <TableBody>
                                    {(record.decisions ?? []).map((d: { id: number; at: string; staffName: string; action: string; reason: string; comment: string }) => (
                                        <TableRow key={d.id}>
                                            <TableCell>{new Date(d.at).toLocaleString()}</TableCell>
                                            <TableCell>{d.staffName}</TableCell>
                                            <TableCell>{translate(`sw.review.action.${d.action}`, { _: d.action })}</TableCell>
                                            <TableCell>
                                                {d.reason}
                                                {d.comment ? ` · ${d.comment}` : ''}
                                            </TableCell>
                                        </TableRow>
                                    ))}
                                </TableBody>
                            </Table>
                        </CardContent>
                    </Card>
                </Grid>
                <Grid size={{ xs: 12, md: 7 }}>
                    {(record.uploads ?? []).map((u: ReviewImage) => (
                        <ImageViewer key={u.id} image={u} />
                    ))}
                </Grid>
            </Grid>
        </Box>
    );
};

export const ReviewShow = () => (
    <Show>
        <CaseView />
    </Show>
);
