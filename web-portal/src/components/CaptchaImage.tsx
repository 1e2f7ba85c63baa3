// The captcha picture (GET /api/captcha); a click fetches a new one. `reloadKey` changes force a
// new one too (captchas are single-use). A hidden input carries the captchaId for the form.
import { useCallback, useEffect, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import { captchaApi } from '../api/endpoints';
import { useT } from '../i18n';

export interface CaptchaImageProps {
  reloadKey: number;
  /** Called with each new captcha's id; the typed answer should be emptied then. */
  onCaptchaId: (captchaId: string) => void;
  onReload?: () => void;
  height?: number;
}

export function CaptchaImage({ reloadKey, onCaptchaId, onReload, height = 40 }: CaptchaImageProps) {
  const t = useT();
  const [image, setImage] = useState<string | null>(null);
  const [captchaId, setCaptchaId] = useState('');
  const [failed, setFailed] = useState(false);
  const seq = useRef(0);
  const onIdRef = useRef(onCaptchaId);
  onIdRef.current = onCaptchaId;
  const onReloadRef = useRef(onReload);
  onReloadRef.current = onReload;

  const load = useCallback(async () => {
    const mine = ++seq.current;
    setFailed(false);
    onReloadRef.current?.();
    try {
      const c = await captchaApi.fetch();
      if (mine !== seq.current) return;
      setImage(c.image);
      setCaptchaId(c.captchaId);
      onIdRef.current(c.captchaId);
    } catch {
      if (mine !== seq.current) return;
      setImage(null);
      setFailed(true);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [reloadKey, load]);

  return (
    <>
      <input type="hidden" name="captchaId" value={captchaId} />
      <Box
        component="button"
        type="button"
        tabIndex={-1}
        onClick={() => void load()}
        title={t('captcha.refresh')}
        aria-label={t('captcha.refresh')}
        data-testid="captcha-image"
        data-captcha-id={captchaId}
        sx={{
          flex: '0 0 120px',
          width: 120,
          height,
          p: 0,
          border: '1px solid #c4c4c4',
          borderRadius: 1,
          bgcolor: '#fafafa',
          cursor: 'pointer',
          overflow: 'hidden',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          fontSize: 12,
          color: failed ? 'error.main' : 'text.secondary',
        }}
      >
        {image ? (
          <img src={image} alt={t('captcha.label')} style={{ width: '100%', height: '100%', objectFit: 'contain' }} />
        ) : failed ? (
          t('captcha.failed')
        ) : (
          t('captcha.loading')
        )}
      </Box>
    </>
  );
}
