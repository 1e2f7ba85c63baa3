// One image of a manual review (P3, U3): the limits said before upload, a check of type and size in
// the browser (the server checks again, by content), a thumbnail of the chosen image, and
// 更换 / 删除. The limits come from the server's own constants (domain/recoveryForms.ts).
import { useEffect, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { messageFor } from '../../../domain';
import { MAX_UPLOADS, UPLOAD_EXTENSIONS, UPLOAD_MAX_BYTES } from '../../../domain/recoveryForms';
import { useLanguage } from '../i18n';

const ACCEPT = UPLOAD_EXTENSIONS.map((e) => `.${e}`).join(',');

/** "支持 jpg、jpeg、png、bmp 格式，单个文件不超过 4 MB，最多 6 张": shown above the pickers. */
export function UploadLimits() {
  const { t, lang } = useLanguage();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="upload-limits">
      {t('upload.limits', { types: UPLOAD_EXTENSIONS.join(lang === 'en' ? ', ' : '、'), mb: UPLOAD_MAX_BYTES / (1024 * 1024), count: MAX_UPLOADS })}
    </Typography>
  );
}

/** The browser's check before upload: the same rules and message codes as api/uploads.ts. */
function localProblem(file: File): string | null {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(ext)) return 'upload.type';
  if (file.size > UPLOAD_MAX_BYTES) return 'upload.tooLarge';
  return null;
}

export interface ReviewImagePickerProps {
  flowId: string;
  kind: string; // idFront, idBack, license, other
  label: string;
  /** The stored upload's id, or null when the image was removed. */
  onChange: (uploadId: string | null) => void;
}

export function ReviewImagePicker({ flowId, kind, label, onChange }: ReviewImagePickerProps) {
  const { t, lang } = useLanguage();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState('');

  // The thumbnail's object URL is freed when replaced or when the form goes away.
  useEffect(() => () => { if (preview) URL.revokeObjectURL(preview); }, [preview]);

  const choose = async (file: File | undefined) => {
    if (input.current) input.current.value = ''; // the same file may be chosen again after 删除
    if (!file) return;
    const local = localProblem(file);
    if (local) {
      setProblem(messageFor(local, lang));
      return;
    }
    setProblem('');
    setPreview(URL.createObjectURL(file));
    setDone(false);
    onChange(null);
    setBusy(true);
    try {
      const form = new FormData();
      form.append('flowId', flowId);
      form.append('kind', kind);
      form.append('file', file);
      const res = await fetch('/api/review-uploads', { method: 'POST', body: form, credentials: 'same-origin', headers: { 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN' } });
      const json = await res.json().catch(() => null);
      if (res.ok && json?.uploadId) {
        setDone(true);
        onChange(json.uploadId as string);
      } else {
        setPreview(null);
        setProblem(json?.error?.fields?.file?.message ?? json?.error?.message ?? t('common.unexpected'));
      }
    } catch {
      setPreview(null);
      setProblem(t('common.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  const remove = () => {
    setPreview(null);
    setDone(false);
    setProblem('');
    onChange(null);
  };

  return (
    <Box sx={{ mb: 1.5 }} data-testid={`picker-${kind}`}>
      <Typography variant="body2" sx={{ mb: 0.5 }}>
        {label}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        {preview ? (
          <Box
            component="img"
            src={preview}
            alt={t('upload.previewOf', { kind: label })}
            data-testid={`preview-${kind}`}
            sx={{ width: 120, height: 80, objectFit: 'cover', border: 1, borderColor: 'divider', borderRadius: 1 }}
          />
        ) : null}
        <input ref={input} type="file" accept={ACCEPT} hidden data-testid={`upload-${kind}`} onChange={(e) => void choose(e.target.files?.[0])} />
        <Button size="small" variant="outlined" disabled={busy} onClick={() => input.current?.click()}>
          {preview ? t('upload.replace') : t('upload.choose')}
        </Button>
        {preview && !busy ? (
          <Button size="small" color="inherit" onClick={remove} data-testid={`remove-${kind}`}>
            {t('upload.remove')}
          </Button>
        ) : null}
        <Typography variant="body2" color={done ? 'success.main' : 'text.secondary'} data-testid={`status-${kind}`}>
          {busy ? t('upload.uploading') : done ? t('upload.done') : ''}
        </Typography>
      </Box>
      {problem ? (
        <Typography color="error" variant="body2" role="alert">
          {problem}
        </Typography>
      ) : null}
    </Box>
  );
}
