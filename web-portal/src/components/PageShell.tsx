// Header, content, footer: the frame of every page.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import { Footer } from './Footer';
import { Header, type HeaderUser } from './Header';

export function PageShell({ children, section, user, maxWidth = 1100 }: { children: ReactNode; section?: ReactNode; user?: HeaderUser; maxWidth?: number }) {
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <Header section={section} user={user} maxWidth={maxWidth} />
      <Box component="main" sx={{ flex: 1, width: '100%', maxWidth, mx: 'auto', px: { xs: 1.5, md: 3 }, py: 3 }}>
        {children}
      </Box>
      <Footer />
    </Box>
  );
}
