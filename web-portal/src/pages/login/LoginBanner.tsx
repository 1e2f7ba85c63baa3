// The left half of the login page: what the single window is for.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useLanguage } from '../../i18n';

const AUTHORITIES = {
  zh: ['海关', '海事', '边检', '商务', '外汇', '市场监管'],
  en: ['Customs', 'Maritime', 'Border control', 'Commerce', 'Foreign exchange', 'Market regulation'],
};

export function LoginBanner() {
  const { t, lang } = useLanguage();
  return (
    <Box
      sx={{
        display: { xs: 'none', md: 'flex' },
        flexDirection: 'column',
        justifyContent: 'center',
        borderRadius: 2,
        p: 5,
        color: '#fff',
        background: 'linear-gradient(135deg, #0d47a1 0%, #1565c0 55%, #42a5f5 100%)',
        position: 'relative',
        overflow: 'hidden',
        minHeight: 380,
      }}
    >
      <Box
        aria-hidden
        sx={{ position: 'absolute', right: -80, bottom: -80, width: 320, height: 320, borderRadius: '50%', border: '40px solid rgba(255,255,255,0.08)' }}
      />
      <Typography component="div" sx={{ fontSize: 28, fontWeight: 700, letterSpacing: 2 }}>
        {t('login.bannerTitle')}
      </Typography>
      <Typography sx={{ mt: 2, maxWidth: 460, opacity: 0.9, lineHeight: 1.8 }}>{t('login.bannerText')}</Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 4, maxWidth: 480 }}>
        {AUTHORITIES[lang].map((a) => (
          <Box key={a} sx={{ px: 1.5, py: 0.5, borderRadius: 10, bgcolor: 'rgba(255,255,255,0.16)', fontSize: 13 }}>
            {a}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
