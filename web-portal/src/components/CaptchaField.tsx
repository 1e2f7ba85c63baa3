// Image captcha as a form row: answer input with the picture beside it.
import { useRef } from 'react';
import { useT } from '../i18n';
import { CaptchaImage } from './CaptchaImage';
import { FormField } from './FormField';

export interface CaptchaFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** A new picture came: empty the answer without clearing its hint. Defaults to onChange(''). */
  onReset?: () => void;
  onBlur?: () => void;
  onCaptchaId: (captchaId: string) => void;
  /** Bump after every use: a new picture, and the typed answer is emptied. */
  reloadKey: number;
  error?: string;
  label?: string;
  required?: boolean;
  dense?: boolean;
  idPrefix?: string;
  hint?: string;
  autoFocus?: boolean;
}

export function CaptchaField({ value, onChange, onReset, onBlur, onCaptchaId, reloadKey, error, label, required = true, dense, idPrefix, hint, autoFocus }: CaptchaFieldProps) {
  const t = useT();
  const resetRef = useRef(onReset ?? (() => onChange('')));
  resetRef.current = onReset ?? (() => onChange(''));
  return (
    <FormField
      name="captcha"
      label={label ?? t('captcha.label')}
      required={required}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      error={error}
      hint={hint ?? t('captcha.refresh')}
      placeholder={t('captcha.placeholder')}
      autoComplete="off"
      maxLength={8}
      dense={dense}
      autoFocus={autoFocus}
      idPrefix={idPrefix}
      adornment={<CaptchaImage reloadKey={reloadKey} onCaptchaId={onCaptchaId} onReload={() => resetRef.current()} />}
    />
  );
}
