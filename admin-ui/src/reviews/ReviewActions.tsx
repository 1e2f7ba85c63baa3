import { useEffect, useState } from 'react';
import {
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    FormControl,
    FormControlLabel,
    InputLabel,
    MenuItem,
    Radio,
    RadioGroup,
    Select,
    Stack,
    TextField,
} from '@mui/material';
import { useGetIdentity, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { API_ROOT, httpClient } from '../providers/http';
import { DECISIONS, Decision } from './choices';
import { staffCan } from '../../../domain/staffRoles';

const post = (path: string, body: unknown = {}) => httpClient(`${API_ROOT}${path}`, { method: 'POST', body: JSON.stringify(body) });

/** Claim / release / assign / decide: what the caller may do with the case shown. */
export const ReviewActions = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const { identity } = useGetIdentity();
    const { permissions } = usePermissions<string>();
    const [deciding, setDeciding] = useState(false);
    const [assigning, setAssigning] = useState(false);
    if (!record) return null;
    const open = record.status === 'pending' || record.status === 'secondApproval';
    const mine = identity && String(record.assigneeId) === String(identity.id);
    const manager = staffCan(permissions, 'cases.assign');
    const run = async (path: string, body?: unknown) => {
        try {
            await post(`/reviews/${record.id}/${path}`, body);
            notify('sw.review.done', { type: 'success' });
        } catch (e) {
            notify((e as Error).message, { type: 'error' });
        }
        refresh();
    };
    if (!open) return null;
    return (
        <Stack direction="row" spacing={1} sx={{ my: 1 }}>
            {!record.assigneeId && (
                <Button variant="contained" onClick={() => run('claim')}>
                    {translate('sw.review.claim')}
                </Button>
            )}
            {record.assigneeId && (mine || manager) && (
                <Button variant="outlined" onClick={() => run('release')}>
                    {translate('sw.review.release')}
                </Button>
            )}
            {manager && (
                <Button variant="outlined" onClick={() => setAssigning(true)}>
                    {translate('sw.review.assign')}
                </Button>
            )}
            {mine && (
                <Button variant="contained" color="secondary" onClick={() => setDeciding(true)}>
                    {translate('sw.review.decide')}
                </Button>
            )}
            {deciding && <DecideDialog onClose={() => setDeciding(false)} onDecide={(body) => run('decide', body)} />}
            {assigning && <AssignDialog onClose={() => setAssigning(false)} onAssign={(staffId) => run('assign', { staffId })} />}
        </Stack>
    );
};

interface Reason {
    id: number;
    text: string;
}

const DecideDialog = ({ onClose, onDecide }: { onClose(): void; onDecide(body: { decision: Decision; reasonId?: number; comment: string }): void }) => {
    const translate = useTranslate();
    const [decision, setDecision] = useState<Decision>('approve');
    const [reasons, setReasons] = useState<Reason[]>([]);
    const [reasonId, setReasonId] = useState<number | ''>('');
    const [comment, setComment] = useState('');
    useEffect(() => {
        const filter = encodeURIComponent(JSON.stringify({ decision, active: true }));
        httpClient(`${API_ROOT}/review-reasons?filter=${filter}`).then(({ json }) => setReasons(json as Reason[]));
        setReasonId('');
    }, [decision]);
    const needsReason = decision !== 'approve';
    return (
        <Dialog open onClose={onClose} fullWidth maxWidth="sm">
            <DialogTitle>{translate('sw.review.decide')}</DialogTitle>
            <DialogContent>
                <RadioGroup row value={decision} onChange={(e) => setDecision(e.target.value as Decision)}>
                    {DECISIONS.map((d) => (
                        <FormControlLabel key={d} value={d} control={<Radio />} label={translate(`sw.review.decision.${d}`)} />
                    ))}
                </RadioGroup>
                <FormControl fullWidth sx={{ mt: 2 }} required={needsReason}>
                    <InputLabel id="reason-label">{translate('sw.review.reason')}</InputLabel>
                    <Select labelId="reason-label" label={translate('sw.review.reason')} value={reasonId} onChange={(e) => setReasonId(e.target.value as number)}>
                        {reasons.map((r) => (
                            <MenuItem key={r.id} value={r.id}>
                                {r.text}
                            </MenuItem>
                        ))}
                    </Select>
                </FormControl>
                <TextField fullWidth multiline minRows={2} sx={{ mt: 2 }} label={translate('sw.review.comment')} value={comment} onChange={(e) => setComment(e.target.value)} />
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
                <Button
                    variant="contained"
                    disabled={needsReason && reasonId === ''}
                    onClick={() => {
                        onDecide({ decision, reasonId: reasonId === '' ? undefined : reasonId, comment });
                        onClose();
                    }}
                >
                    {translate('ra.action.confirm')}
                </Button>
            </DialogActions>
        </Dialog>
    );
};

interface StaffItem {
    id: number;
    username: string;
    name: string;
}

const AssignDialog = ({ onClose, onAssign }: { onClose(): void; onAssign(staffId: number): void }) => {
    const translate = useTranslate();
    const [staff, setStaff] = useState<StaffItem[]>([]);
    const [staffId, setStaffId] = useState<number | ''>('');
    useEffect(() => {
        httpClient(`${API_ROOT}/review-staff`).then(({ json }) => setStaff(json as StaffItem[]));
    }, []);
    return (
        <Dialog open onClose={onClose} fullWidth maxWidth="xs">
            <DialogTitle>{translate('sw.review.assign')}</DialogTitle>
            <DialogContent>
                <Select fullWidth value={staffId} onChange={(e) => setStaffId(e.target.value as number)}>
                    {staff.map((s) => (
                        <MenuItem key={s.id} value={s.id}>
                            {s.name || s.username} ({s.username})
                        </MenuItem>
                    ))}
                </Select>
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
                <Button
                    variant="contained"
                    disabled={staffId === ''}
                    onClick={() => {
                        if (staffId !== '') onAssign(staffId);
                        onClose();
                    }}
                >
                    {translate('ra.action.confirm')}
                </Button>
            </DialogActions>
        </Dialog>
    );
};
