import { createTheme } from '@mui/material/styles';

// The portal's blue, grey system-filled fields and red required stars (SPEC §3 UI conventions).
export const PORTAL_BLUE = '#1565c0';

export const theme = createTheme({
  palette: {
    primary: { main: PORTAL_BLUE },
    background: { default: '#f3f6fa' },
  },
  typography: {
    fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif',
    fontSize: 14,
    button: { textTransform: 'none' },
  },
  shape: { borderRadius: 4 },
  components: {
    MuiFormLabel: {
      styleOverrides: { asterisk: { color: '#d32f2f' } },
    },
    MuiButton: {
      defaultProps: { disableElevation: true },
    },
    MuiFormHelperText: {
      styleOverrides: { root: { marginLeft: 2 } },
    },
    MuiTableCell: {
      styleOverrides: { head: { fontWeight: 600, backgroundColor: '#eef3fa', whiteSpace: 'nowrap' } },
    },
  },
});
