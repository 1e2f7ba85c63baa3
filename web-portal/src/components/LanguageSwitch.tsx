import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useLanguage } from '../i18n';

/** 中文 / EN, in the header. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useLanguage();
  const item = (value: 'zh' | 'en', text: string) => (
    <Button
      size="small"
      color="inherit"
      onClick={() => setLang(value)}
      aria-pressed={lang === value}
      data-testid={`lang-${value}`}
      sx={{ minWidth: 0, px: 1, fontWeight: lang === value ? 700 : 400, opacity: lang === value ? 1 : 0.75, textDecoration: lang === value ? 'underline' : 'none', textUnderlineOffset: 4 }}
    >
      {text}
    </Button>
  );
  return (
    <Box role="group" aria-label={t('lang.switch')} sx={{ display: 'flex', alignItems: 'center' }}>
      {item('zh', t('lang.zh'))}
      <Box component="span" sx={{ opacity: 0.6 }}>/</Box>
      {item('en', t('lang.en'))}
    </Box>
  );
}
