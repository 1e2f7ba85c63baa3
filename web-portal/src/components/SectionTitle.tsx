import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

/** A heading with the portal's blue bar on the left. */
export function SectionTitle({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2 }}>
      <Typography component="h2" sx={{ fontSize: 17, fontWeight: 600, borderLeft: '4px solid', borderColor: 'primary.main', pl: 1.25, lineHeight: 1.3 }}>
        {children}
      </Typography>
      <Box sx={{ flex: 1 }} />
      {action}
    </Box>
  );
}
