// Q1 我的资质 (administrators only; manual 000 §3.4, 001 ch.6): the enterprise's grey header, the
// tabs 海关 / 检验检疫 / 质量 / 对外贸易经营者备案; 编辑 makes the tab's own fields editable (grey
// system-filled fields never are), 保存 needs no declaration or approval; 市场局同步更新 and
// 商务部同步更新 fetch the authorities' data.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import Edit from '@mui/icons-material/Edit';
import Sync from '@mui/icons-material/Sync';
import {
  messageFor, QUALIFICATION_CATALOGUE, validateQualificationValue, type QualificationField, type QualificationSection,
} from '../../../../domain';
import { isApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { manageApi, type QualificationsView } from '../../api/manageEndpoints';
import { FormField } from '../../components/FormField';
import { idTypeLabel } from '../../components/idTypes';
import { SectionTitle } from '../../components/SectionTitle';
import { formatDateTime } from '../../format';
import { focusFirstProblem } from '../../forms/focus';
import { useLanguage } from '../../i18n';
import { useSession } from '../../session/SessionContext';

type Values = Record<string, string>;

export function QualificationsPage() {
  const { t, lang } = useLanguage();
  const { account } = useSession();
  const [view, setView] = useState<QualificationsView | null>(null);
  const [section, setSection] = useState<QualificationSection>('customs');
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<Values>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<null | 'save' | 'market' | 'mofcom'>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const def = useMemo(() => QUALIFICATION_CATALOGUE.find((s) => s.key === section)!, [section]);

  const load = useCallback(async () => {
    try {
      setView(await manageApi.qualifications());
      setError(null);
    } catch (e) {
      setError(describeError(e, t));
    }
  }, [t]);

  useEffect(() => {
    if (account.kind === 'admin') void load();
  }, [account.kind, load]);

  // The form shows the stored values of the tab whenever the tab or the stored data change.
  useEffect(() => {
    if (view) setValues({ ...view.sections[section].fields });
    setProblems({});
  }, [view, section]);

  if (account.kind !== 'admin') return <Alert severity="warning" data-testid="qualifications-forbidden">{t('qual.adminOnly')}</Alert>;

  const stored = view?.sections[section].fields ?? {};
  const dirty = def.fields.some((f) => !f.system && (values[f.key] ?? '') !== (stored[f.key] ?? ''));
  const label = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);

  const switchTab = (next: QualificationSection) => {
    setSection(next);
    setEditing(false);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing || busy) return;
    const local: Record<string, string> = {};
    for (const f of def.fields) {
      if (f.system) continue;
      const code = validateQualificationValue(f, values[f.key] ?? '');
      if (code) local[f.key] = messageFor(code, lang);
    }
    setProblems(local);
    if (Object.keys(local).length) {
      focusFirstProblem(formRef.current, Object.keys(local));
      return;
    }
    if (!dirty) {
      setNotice(t('qual.noChange'));
      setEditing(false);
      return;
    }
    const changed = Object.fromEntries(def.fields.filter((f) => !f.system && (values[f.key] ?? '') !== (stored[f.key] ?? '')).map((f) => [f.key, (values[f.key] ?? '').trim()]));
    setBusy('save');
    try {
      setView(await manageApi.saveQualification(section, changed));
      setEditing(false);
      setNotice(t('qual.saved', { section: label(def) }));
    } catch (err) {
      if (isApiError(err) && err.hasFields) {
        setProblems(Object.fromEntries(Object.entries(err.fields).map(([k, p]) => [k, p.message ?? messageFor(p.code, lang)])));
        window.setTimeout(() => focusFirstProblem(formRef.current, Object.keys(err.fields)), 0);
      } else setError(describeError(err, t));
    } finally {
      setBusy(null);
    }
  };

  const sync = async (source: 'market' | 'mofcom') => {
    setBusy(source);
    setError(null);
    try {
      const res = await manageApi.syncQualifications(source);
      setView(res);
      setEditing(false);
      const fields = (res.changed ?? []).map((k) => {
        const all = QUALIFICATION_CATALOGUE.flatMap((s) => s.fields);
        const f = all.find((x) => x.key === k);
        const header: Record<string, string> = { name: t('qual.header.name'), legalRepName: t('qual.header.legalRepName') };
        return header[k] ?? (f ? label(f) : k);
      });
      setNotice(fields.length ? t('qual.syncedChanged', { fields: fields.join('、') }) : t('qual.syncedNothing'));
      if (source === 'mofcom') setSection('trade');
    } catch (err) {
      setError(describeError(err, t));
    } finally {
      setBusy(null);
    }
  };

  const input = (f: QualificationField) => {
    const readOnly = Boolean(f.system) || !editing;
    const common = {
      name: f.key,
      label: label(f),
      value: values[f.key] ?? '',
      onChange: (v: string) => {
        setValues((prev) => ({ ...prev, [f.key]: v }));
        setProblems((prev) => {
          if (!prev[f.key]) return prev;
          const next = { ...prev };
          delete next[f.key];
          return next;
        });
      },
      onBlur: () => {
        if (readOnly) return;
        const code = validateQualificationValue(f, values[f.key] ?? '');
        if (code) setProblems((prev) => ({ ...prev, [f.key]: messageFor(code, lang) }));
      },
      error: problems[f.key],
      readOnly,
      dense: true,
      idPrefix: `q-${section}`,
    };
    if (f.kind === 'flag') {
      return (
        <Box key={f.key} sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '150px minmax(0, 1fr)' }, columnGap: 2, mb: 2 }}>
          <span />
          <FormControlLabel
            control={
              <Checkbox
                size="small"
                name={f.key}
                checked={values[f.key] === '1'}
                disabled={readOnly}
                onChange={(e) => common.onChange(e.target.checked ? '1' : '0')}
                slotProps={{ input: { 'data-field': f.key } as object }}
              />
            }
            label={label(f)}
          />
        </Box>
      );
    }
    if (f.kind === 'select') {
      const options = [{ value: '', label: t('qual.selectNone') }, ...(f.options ?? []).map((o) => ({ value: o.value, label: label(o) }))];
      return <FormField key={f.key} {...common} options={options} disabled={readOnly} />;
    }
    return (
      <FormField
        key={f.key}
        {...common}
        type={f.kind === 'email' ? 'email' : f.kind === 'phone' ? 'tel' : 'text'}
        placeholder={f.kind === 'date' && !readOnly ? 'YYYYMMDD' : undefined}
        inputMode={f.kind === 'date' || f.kind === 'customsCode' ? 'numeric' : undefined}
        maxLength={f.kind === 'date' ? 8 : f.kind === 'customsCode' ? 4 : f.max}
        hint={f.kind === 'date' && !readOnly ? t('common.dateHint') : undefined}
      />
    );
  };

  const header = view?.enterprise;
  const headerFields: [string, string][] = header
    ? [
        [t('qual.header.uscc'), header.uscc],
        [t('qual.header.orgCode'), header.orgCode],
        [t('qual.header.name'), header.name],
        [t('qual.header.legalRepName'), header.legalRepName],
        [t('qual.header.legalRepIdType'), idTypeLabel(header.legalRepIdType, lang)],
        [t('qual.header.legalRepId'), header.legalRepIdNumberMasked],
      ]
    : [];
  const meta = view?.sections[section];

  return (
    <Paper variant="outlined" sx={{ p: 3 }} data-testid="qualifications-page">
      <SectionTitle
        action={
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button variant="contained" startIcon={busy === 'market' ? <CircularProgress size={16} color="inherit" /> : <Sync />} disabled={Boolean(busy)} onClick={() => void sync('market')} data-testid="sync-market">
              {t('qual.syncMarket')}
            </Button>
            <Button variant="contained" startIcon={busy === 'mofcom' ? <CircularProgress size={16} color="inherit" /> : <Sync />} disabled={Boolean(busy)} onClick={() => void sync('mofcom')} data-testid="sync-mofcom">
              {t('qual.syncMofcom')}
            </Button>
          </Box>
        }
      >
        {t('qual.title')}
      </SectionTitle>
      {error ? (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="qualifications-error" onClose={() => setError(null)}>
          {error}
        </Alert>
      ) : null}
      {!view ? (
        <Typography color="text.secondary">{t('common.loading')}</Typography>
      ) : (
        <>
          <Box
            data-testid="qualifications-header"
            sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 3, mb: 1 }}
          >
            {headerFields.map(([l, v]) => (
              <FormField key={l} name={`h-${l}`} label={l} value={v} onChange={() => undefined} readOnly dense idPrefix="qh" />
            ))}
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('qual.systemHint')}
          </Typography>
          <Tabs
            value={section}
            onChange={(_e, v: QualificationSection) => switchTab(v)}
            variant="scrollable"
            scrollButtons="auto"
            aria-label={t('qual.title')}
            sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}
          >
            {QUALIFICATION_CATALOGUE.map((s) => (
              <Tab key={s.key} value={s.key} label={label(s)} data-testid={`qual-tab-${s.key}`} />
            ))}
          </Tabs>
          <Box component="form" ref={formRef} noValidate onSubmit={save} data-testid={`qual-form-${section}`}>
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 3 }}>
              {def.fields.map((f) => (
                <Box key={f.key} sx={{ gridColumn: f.wide ? { md: '1 / span 2' } : undefined }}>
                  {input(f)}
                </Box>
              ))}
            </Box>
            <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap', mt: 1 }}>
              {editing ? (
                <>
                  <Button type="submit" variant="contained" disabled={Boolean(busy)} data-testid="qual-save" sx={{ minWidth: 100 }}>
                    {t('qual.save')}
                  </Button>
                  <Button
                    variant="outlined"
                    onClick={() => {
                      setEditing(false);
                      setValues({ ...stored });
                      setProblems({});
                    }}
                    data-testid="qual-cancel"
                  >
                    {t('qual.cancelEdit')}
                  </Button>
                  {dirty ? (
                    <Typography variant="body2" color="warning.main">
                      {t('qual.unsaved')}
                    </Typography>
                  ) : null}
                </>
              ) : (
                <Button
                  variant="outlined"
                  startIcon={<Edit />}
                  onClick={() => {
                    setEditing(true);
                    window.setTimeout(() => formRef.current?.querySelector<HTMLElement>('input:not([readonly]):not([disabled]), select:not([disabled])')?.focus(), 0);
                  }}
                  data-testid="qual-edit"
                  sx={{ minWidth: 100 }}
                >
                  {t('qual.edit')}
                </Button>
              )}
              <Box sx={{ flex: 1 }} />
              <Typography variant="body2" color="text.secondary">
                {meta?.updatedAt ? t('qual.lastSaved', { at: formatDateTime(meta.updatedAt, lang) }) : ''}
                {meta?.syncedAt ? ` · ${t('qual.lastSynced', { at: formatDateTime(meta.syncedAt, lang) })}` : ''}
              </Typography>
            </Box>
          </Box>
          <Alert severity="info" sx={{ mt: 3 }}>
            {t('qual.tip')}
          </Alert>
        </>
      )}
      <Snackbar open={Boolean(notice)} autoHideDuration={5000} onClose={() => setNotice(null)} anchorOrigin={{ vertical: 'top', horizontal: 'center' }}>
        <Alert severity="success" variant="filled" onClose={() => setNotice(null)} data-testid="qualifications-notice">
          {notice}
        </Alert>
      </Snackbar>
    </Paper>
  );
}
