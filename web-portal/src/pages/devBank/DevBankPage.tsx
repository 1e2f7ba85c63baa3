// U2 simulator: the enterprise online-banking login page of CCB, ABC or CMBC (simulators on only),
// opened from username recovery's step `bank`. 使用UKey登录 plays the enterprise's UKey: the
// simulated bank signs the callback (POST /api/bank-ukey/dev/authorize → /api/bank-ukey/callback)
// and the waiting flow shows the enterprise's usernames. The UKey's enterprise is typed (USCC).
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

interface BankLook {
  name: string;
  english: string;
  color: string;
  accent: string;
}

const BANKS: Record<string, BankLook> = {
  ccb: { name: '中国建设银行', english: 'China Construction Bank', color: '#0b4ea2', accent: '#e8f0fb' },
  abc: { name: '中国农业银行', english: 'Agricultural Bank of China', color: '#00875a', accent: '#e6f4ee' },
  cmbc: { name: '中国民生银行', english: 'China Minsheng Bank', color: '#006a5b', accent: '#e3f1ee' },
};

export function DevBankPage() {
  const { bank = '', flowId = '' } = useParams();
  const look = BANKS[bank];
  const [uscc, setUscc] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState('');

  if (!look) return <Alert severity="error">未知银行 / unknown bank</Alert>;

  const login = async () => {
    setBusy(true);
    setProblem('');
    try {
      const res = await fetch('/api/bank-ukey/dev/authorize', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ flowId, bank, uscc: uscc.trim().toUpperCase() }),
      });
      const json = await res.json().catch(() => null);
      if (res.ok) setDone(true);
      else setProblem(json?.error?.fields?.uscc?.message ?? json?.error?.message ?? `HTTP ${res.status}`);
    } catch (e) {
      setProblem(String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: look.accent }}>
      <Box sx={{ bgcolor: look.color, color: '#fff', px: 4, py: 2, display: 'flex', alignItems: 'baseline', gap: 2 }}>
        <Typography component="h1" sx={{ fontSize: 22, fontWeight: 700 }} data-testid="bank-name">
          {look.name}
        </Typography>
        <Typography sx={{ fontSize: 13, opacity: 0.85 }}>{look.english} · 企业网上银行</Typography>
        <Typography sx={{ ml: 'auto', fontSize: 12, opacity: 0.8 }}>模拟页面（开发环境） / simulated bank</Typography>
      </Box>
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
        <Paper elevation={2} sx={{ width: 420, p: 4, borderTop: `4px solid ${look.color}` }}>
          <Typography sx={{ fontSize: 18, fontWeight: 600, mb: 1 }}>企业网银登录 · 单一窗口企业实名认证</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            请插入本企业的网银UKey。认证通过后，本行将向国际贸易单一窗口确认UKey所属企业。
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mb: 2, wordBreak: 'break-all' }}>
            业务流水：{flowId}
          </Typography>
          {done ? (
            <Alert severity="success" data-testid="bank-done">
              UKey认证成功，请返回单一窗口页面查看结果。
            </Alert>
          ) : (
            <>
              <TextField
                fullWidth
                size="small"
                label="UKey所属企业统一社会信用代码（模拟UKey）"
                value={uscc}
                onChange={(e) => setUscc(e.target.value)}
                slotProps={{ htmlInput: { 'data-testid': 'bank-uscc', maxLength: 18 } }}
                sx={{ mb: 2 }}
              />
              {problem && (
                <Alert severity="error" sx={{ mb: 2 }}>
                  {problem}
                </Alert>
              )}
              <Button
                fullWidth
                variant="contained"
                disabled={busy || !uscc.trim()}
                onClick={() => void login()}
                sx={{ bgcolor: look.color, '&:hover': { bgcolor: look.color, opacity: 0.9 } }}
                data-testid="bank-ukey-login"
              >
                使用UKey登录
              </Button>
            </>
          )}
        </Paper>
      </Box>
    </Box>
  );
}
