import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import type { MouseEvent } from 'react';
import { Button } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** Opens the flow's workflow in the Temporal UI (new tab). */
export const TemporalLinkButton = () => {
    const record = useRecordContext<{ id: string; temporalUrl?: string }>();
    const translate = useTranslate();
    if (!record?.temporalUrl) return null;
    return (
        <Button
            component="a"
            href={record.temporalUrl}
            target="_blank"
            rel="noopener noreferrer"
            size="small"
            startIcon={<OpenInNewIcon />}
            onClick={(event: MouseEvent) => event.stopPropagation()}
            sx={{ whiteSpace: 'nowrap' }}
        >
            {translate('sw.action.temporal_ui')}
        </Button>
    );
};
