// R8 simulator: the phone that scanned a registration's QR code, in the electronic business
// license app (simulators on only). It lists the registry's companies (USCC 9…) and authorizes
// one: POST /api/dev/elicense/scan, after which the provider's signed callback reaches the flow.
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Verified from '@mui/icons-material/Verified';
import { isApiError } from '../../api/client';
import { devApi } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import type { LicenseHolder } from '../../api/types';
import { useLanguage } from '../../i18n';

type Load = { kind: 'loading' } | { kind: 'ok'; items: LicenseHolder[] } | { kind: 'off' } | { kind: 'error'; text: string };

export function DevElicensePage() {
  const { t } = useLanguage();
  const { flowId = '' } = useParams();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [other, setOther] = useState('');

  useEffect(() => {
    let live = true;
    devApi.licenseHolders().then(
      (r) => live && setLoad({ kind: 'ok', items: r.items }),
      (e) => live && setLoad(isApiError(e) && e.status === 404 ? { kind: 'off' } : { kind: 'error', text: describeError(e, t) }),
    );
    return () => {
      live = false;
    };
  }, [t]);

  const authorize = async (uscc: string, name: string) => {
    setBusy(uscc);
    setProblem(null);
    try {
      await devApi.licenseScan(flowId, uscc);
      setDone(name);
    } catch (e) {
      const field = isApiError(e) ? e.fields.uscc : undefined;
      setProblem(field?.message ?? describeError(e, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: '#dfe6ee', display: 'flex', justifyContent: 'center', py: { xs: 0, sm: 4 } }}>
      <Paper elevation={3} sx={{ width: '100%', maxWidth: 400, borderRadius: { xs: 0, sm: 4 }, overflow: 'hidden', alignSelf: 'flex-start' }}>
        <Box sx={{ bgcolor: '#b71c1c', color: '#fff', px: 2.5, py: 2, display: 'flex', alignItems: 'center', gap: 1 }}>
          <Verified />
          <Typography component="h1" sx={{ fontSize: 18, fontWeight: 600 }}>
            {t('devLic.title')}
          </Typography>
        </Box>
        <Box sx={{ p: 2.5 }}>
          <Typography variant="body2" sx={{ lineHeight: 1.8 }}>
            {t('devLic.intro')}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1, wordBreak: 'break-all' }}>
            {t('devLic.flow', { flowId })}
          </Typography>
          <Divider sx={{ my: 2 }} />
          {done ? (
            <Alert severity="success" data-testid="scan-done">
              {t('devLic.done', { name: done })}
            </Alert>
          ) : null}
          {problem ? (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="scan-error">
              {problem}
            </Alert>
          ) : null}
          {load.kind === 'loading' ? <CircularProgress size={24} /> : null}
          {load.kind === 'off' ? <Alert severity="info">{t('dev.off')}</Alert> : null}
          {load.kind === 'error' ? <Alert severity="error">{load.text}</Alert> : null}
          {load.kind === 'ok' && !done ? (
            <>
              {load.items.length === 0 ? <Typography color="text.secondary">{t('devLic.empty')}</Typography> : null}
              {load.items.map((h) => (
                <Box key={h.uscc} sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 2, p: 1.5, mb: 1.5 }} data-testid={`holder-${h.uscc}`}>
                  <Typography sx={{ fontWeight: 600 }}>{h.name}</Typography>
                  <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                    {h.uscc}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {t('devLic.legalRep', { name: h.legalRepName })}
                  </Typography>
                  <Button
                    variant="contained"
                    color="error"
                    size="small"
                    fullWidth
                    sx={{ mt: 1 }}
                    disabled={busy !== null}
                    onClick={() => void authorize(h.uscc, h.name)}
                    data-testid={`scan-${h.uscc}`}
                  >
                    {busy === h.uscc ? <CircularProgress size={18} color="inherit" /> : t('devLic.authorize')}
                  </Button>
                </Box>
              ))}
              <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
                <TextField size="small" fullWidth label={t('devLic.otherUscc')} value={other} onChange={(e) => setOther(e.target.value.toUpperCase())} slotProps={{ htmlInput: { maxLength: 18, name: 'uscc' } }} />
                <Button variant="outlined" color="error" disabled={busy !== null || other.trim() === ''} onClick={() => void authorize(other.trim(), other.trim())} data-testid="scan-other" sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
                  {t('devLic.authorize')}
                </Button>
              </Box>
            </>
          ) : null}
        </Box>
      </Paper>
    </Box>
  );
}
