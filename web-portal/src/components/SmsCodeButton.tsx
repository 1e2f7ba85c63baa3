// The one "获取验证码" of the portal (every flow that sends an SMS or e-mail code): a countdown from
// the server's `resendAfter` until another code may be asked for, and the note saying where the
// code went ("验证码已发送至 138****8356"). Pages never build their own code buttons or notes.
import { useEffect, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useT } from '../i18n';

const DEFAULT_WAIT_SECONDS = 60;
const MAX_WAIT_MS = 10 * 60_000;

/** The time a resend is allowed, when the server's answer is sane (else null). */
function sendableAt(resendAfter: string | null | undefined, now: number): number | null {
  const at = resendAfter ? Date.parse(resendAfter) : NaN;
  return Number.isFinite(at) && at > now && at - now < MAX_WAIT_MS ? at : null;
}

export interface SmsCodeButtonProps {
  /** Sends the code; resolves to the server's `resendAfter` (ISO) on success, false on failure. */
  onSend: () => Promise<string | null | undefined | false>;
  /** The flow's current `resendAfter`: the countdown goes on after a reload or a refreshed flow. */
  resendAfter?: string | null;
  disabled?: boolean;
  testId?: string;
  /** Other wording, e.g. for e-mail codes ("发送邮箱验证码"). */
  labels?: { send: string; resend: string };
}

export function SmsCodeButton({ onSend, resendAfter, disabled, testId = 'send-sms', labels }: SmsCodeButtonProps) {
  const t = useT();
  const [until, setUntil] = useState(() => sendableAt(resendAfter, Date.now()) ?? 0);
  const [now, setNow] = useState(() => Date.now());
  const [sending, setSending] = useState(false);
  const [sentOnce, setSentOnce] = useState(() => !!resendAfter);

  const left = Math.max(0, Math.ceil((until - now) / 1000));

  // A later answer of the flow (another tab, a reload) moves the countdown on, never back.
  useEffect(() => {
    const n = Date.now();
    const at = sendableAt(resendAfter, n);
    if (at === null) return;
    setUntil((u) => Math.max(u, at));
    setNow(n);
    setSentOnce(true);
  }, [resendAfter]);

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
      const n = Date.now();
      // Trust the server's resendAfter when it is sane, else the usual 60 s.
      setUntil(sendableAt(result, n) ?? n + DEFAULT_WAIT_SECONDS * 1000);
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
      data-countdown={left > 0 ? left : undefined}
      sx={{ flex: '0 0 auto', minWidth: 120, height: 40, whiteSpace: 'nowrap' }}
    >
      {label}
    </Button>
  );
}

export interface CodeSentNoteProps {
  /** The masked mobile or e-mail the code went to (the flow's smsSentTo / emailSentTo); nothing when null. */
  to: string | null | undefined;
  /** The code went by e-mail ("Code sent to …" in English). */
  email?: boolean;
  /** Other wording, e.g. mobile login's "如该手机号已开启手机号登录，验证码已发送至 …". */
  text?: ReactNode;
  testId?: string;
}

/** "验证码已发送至 138****8356": shown beside or under the code field once a code went out. */
export function CodeSentNote({ to, email, text, testId = email ? 'email-sent' : 'sms-sent' }: CodeSentNoteProps) {
  const t = useT();
  if (!to) return null;
  return (
    <Box component="span" sx={{ color: 'success.main' }} data-testid={testId} role="status">
      {text ?? (email ? t('mail.sentTo', { email: to }) : t('sms.sentTo', { mobile: to }))}
    </Box>
  );
}
