// Portal footer as in the manual's screenshots. Its lines are information, not navigation (this
// portal links nowhere outside itself), so nothing in them looks clickable: no separators that
// read as a link bar. The developer-inbox link shows while simulators are on.
import { Link as RouterLink } from 'react-router-dom';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useT } from '../i18n';
import { useDevInboxAvailable } from './useDevInbox';

export function Footer() {
  const t = useT();
  const devInbox = useDevInboxAvailable();
  const gap = <Box component="span" sx={{ mx: 1.5 }} />;
  return (
    <Box component="footer" sx={{ bgcolor: '#263445', color: '#c9d3df', fontSize: 12.5, mt: 4 }}>
      <Box sx={{ maxWidth: 1200, mx: 'auto', px: 3, py: 2.5, textAlign: 'center', lineHeight: 2 }}>
        <Typography component="div" sx={{ fontSize: 'inherit' }}>
          {t('footer.links')}
          <Box component="span" sx={{ mx: 1 }}>{t('footer.wto')}</Box>
          <Box component="span" sx={{ mx: 1 }}>{t('footer.tbt')}</Box>
        </Typography>
        <Typography component="div" sx={{ fontSize: 'inherit' }}>
          {t('footer.about')}
          {gap}
          {t('footer.sitemap')}
          {gap}
          {t('footer.supervision')}
          {gap}
          {t('footer.complaints')}
        </Typography>
        <Typography component="div" sx={{ fontSize: 'inherit' }}>
          {t('footer.host')}
          <Box component="span" sx={{ mx: 2 }} />
          {t('footer.operator')}
          <Box component="span" sx={{ mx: 2 }} />
          {t('footer.hotline')}
        </Typography>
        {devInbox ? (
          <Link component={RouterLink} to="/dev/inbox" data-testid="dev-inbox-link" sx={{ color: '#90caf9', fontSize: 12 }}>
            {t('footer.devInbox')}
          </Link>
        ) : null}
      </Box>
    </Box>
  );
}
