// "获取验证码" with a countdown until another code may be requested.
import { useEffect, useState } from 'react';
import Button from '@mui/material/Button';
import { useT } from '../i18n';

const DEFAULT_WAIT_SECONDS = 60;

export interface SmsCodeButtonProps {
  /** Sends the code; resolves to the server's `resendAfter` (ISO) on success, false on failure. */
  onSend: () => Promise<string | null | undefined | false>;
  disabled?: boolean;
  testId?: string;
  /** Other wording, e.g. for e-mail codes ("发送邮箱验证码"). */
  labels?: { send: string; resend: string };
}

export function SmsCodeButton({ onSend, disabled, testId = 'send-sms', labels }: SmsCodeButtonProps) {
  const t = useT();
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [sending, setSending] = useState(false);
  const [sentOnce, setSentOnce] = useState(false);

  const left = Math.max(0, Math.ceil((until - now) / 1000));

  useEffect(() => {
    if (until <= Date.now()) return;
    const timer = window.setInterval(() => {
      const n = Date.now();
      setNow(n);
      if (n >= until) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [until]);

  const click = async () => {
    setSending(true);
    try {
      const result = await onSend();
      if (result === false) return;
      const at = result ? Date.parse(result) : NaN;
      const n = Date.now();
      // Trust the server's resendAfter when it is sane, else the usual 60 s.
      setUntil(Number.isFinite(at) && at > n && at - n < 10 * 60_000 ? at : n + DEFAULT_WAIT_SECONDS * 1000);
      setNow(n);
      setSentOnce(true);
    } finally {
      setSending(false);
    }
  };

  const label = sending ? t('sms.sending') : left > 0 ? t('sms.wait', { n: left }) : sentOnce ? (labels?.resend ?? t('sms.resend')) : (labels?.send ?? t('sms.send'));

  return (
    <Button
      variant="outlined"
      onClick={() => void click()}
      disabled={disabled || sending || left > 0}
      data-testid={testId}
      sx={{ flex: '0 0 auto', minWidth: 120, height: 40, whiteSpace: 'nowrap' }}
    >
      {label}
    </Button>
  );
}
