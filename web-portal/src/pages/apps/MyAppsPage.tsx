// 我的应用 (operators): the business applications the administrator granted (Q2), each opened
// with a short-lived single-use ticket issued by the API (which checks the permission again).
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import Launch from '@mui/icons-material/Launch';
import { describeError } from '../../api/errors';
import { manageApi, type MyApps } from '../../api/manageEndpoints';
import { SectionTitle } from '../../components/SectionTitle';
import { useLanguage } from '../../i18n';

export function MyAppsPage() {
  const { t, lang } = useLanguage();
  const navigate = useNavigate();
  const [apps, setApps] = useState<MyApps | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setApps(await manageApi.myApps());
    } catch (e) {
      setError(describeError(e, t));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  const open = async (item: string) => {
    setOpening(item);
    setError(null);
    try {
      const ticket = await manageApi.launch(item);
      navigate(ticket.url);
    } catch (e) {
      setError(`${t('apps.openFailed')}：${describeError(e, t)}`);
      void load();
    } finally {
      setOpening(null);
    }
  };

  const label = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);
  const empty = apps && apps.categories.length === 0;

  return (
    <Paper variant="outlined" sx={{ p: 3 }} data-testid="apps-page">
      <SectionTitle>{t('apps.title')}</SectionTitle>
      {error ? (
        <Alert severity="error" sx={{ mb: 2 }} onClose={() => setError(null)}>
          {error}
        </Alert>
      ) : null}
      {!apps ? <Typography color="text.secondary">{t('common.loading')}</Typography> : null}
      {empty ? (
        <Alert severity="info" data-testid="apps-none">
          {apps.reason === 'permission.adminNoBusiness' ? t('apps.adminNone') : apps.reason ? t('apps.otherNone') : t('apps.none')}
        </Alert>
      ) : null}
      {apps && !empty ? (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('apps.intro')}
          </Typography>
          {apps.categories.map((c) => (
            <Box key={c.code} sx={{ mb: 2.5 }} data-testid={`apps-category-${c.code}`}>
              <Typography component="h3" sx={{ fontWeight: 600, mb: 1 }}>
                {label(c)}
              </Typography>
              <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 1.5 }}>
                {c.items.map((i) => (
                  <Paper key={i.code} variant="outlined" sx={{ p: 1.5, display: 'flex', alignItems: 'center', gap: 1 }}>
                    <Typography sx={{ flex: 1, fontSize: 14 }}>{label(i)}</Typography>
                    <Button size="small" variant="contained" startIcon={<Launch />} disabled={Boolean(opening)} onClick={() => void open(i.code)} data-testid={`open-app-${i.code}`}>
                      {opening === i.code ? t('apps.opening') : t('apps.open')}
                    </Button>
                  </Paper>
                ))}
              </Box>
            </Box>
          ))}
        </>
      ) : null}
    </Paper>
  );
}
