// The electronic-business-license QR code of a flow: a real, scannable code drawn by the server with
// the qrcode library (GET /api/elicense/qr/:flowId), encoding the provider's URL for the flow (in
// development the phone simulator's page). Nothing is shown while there is no provider.
import { useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import { elicenseApi } from '../api/endpoints';
import { useT } from '../i18n';

export function ElicenseQr({ flowId, size = 196 }: { flowId: string; size?: number }) {
  const t = useT();
  const [qr, setQr] = useState<{ url: string | null; image: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    elicenseApi.qr(flowId).then(
      (q) => live && setQr(q),
      () => live && setQr({ url: null, image: null }),
    );
    return () => {
      live = false;
    };
  }, [flowId]);
  return (
    <Box sx={{ p: 1.5, border: '1px solid', borderColor: 'divider', borderRadius: 1, bgcolor: '#fff', display: 'inline-block', lineHeight: 0 }}>
      {qr?.image ? (
        <img src={qr.image} width={size} height={size} alt={t('reg.elicense.qrLabel')} data-testid="elicense-qr-img" data-url={qr.url ?? ''} style={{ imageRendering: 'pixelated' }} />
      ) : (
        <Box sx={{ width: size, height: size }} />
      )}
    </Box>
  );
}
