// Read-only label/value pairs in two columns, as on the account pages.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';

export interface InfoItem {
  label: ReactNode;
  value: ReactNode;
  testId?: string;
  action?: ReactNode;
}

export function InfoList({ items }: { items: InfoItem[] }) {
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 4, rowGap: 0, m: 0 }}>
      {items.map((it, i) => (
        <Box key={i} sx={{ display: 'grid', gridTemplateColumns: '150px minmax(0,1fr)', alignItems: 'center', py: 1.25, borderBottom: '1px dashed #e0e0e0', minHeight: 44 }}>
          <Box component="dt" sx={{ color: 'text.secondary', fontSize: 14 }}>
            {it.label}
          </Box>
          <Box component="dd" sx={{ m: 0, fontSize: 14, display: 'flex', alignItems: 'center', gap: 1, wordBreak: 'break-all' }} data-testid={it.testId}>
            <span>{it.value}</span>
            {it.action}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
