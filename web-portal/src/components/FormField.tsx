// One labelled form row as on the portal: label (red star when required) | input | grey hint,
// with the problem in red right under the input.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import FormLabel from '@mui/material/FormLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

export interface FieldOption {
  value: string;
  label: string;
}

export interface FormFieldProps {
  name: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  required?: boolean;
  error?: string;
  hint?: ReactNode;
  type?: 'text' | 'password' | 'email' | 'tel';
  options?: FieldOption[];
  readOnly?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  autoComplete?: string;
  placeholder?: string;
  maxLength?: number;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  /** Something beside the input: captcha image, "get code" button. */
  adornment?: ReactNode;
  /** Narrower label column, for dialogs. */
  dense?: boolean;
  /** Prefix of the element ids, when the same name appears twice on a page. */
  idPrefix?: string;
}

export function FormField(props: FormFieldProps) {
  const {
    name, label, value, onChange, onBlur, required, error, hint, type = 'text', options, readOnly, disabled,
    autoFocus, autoComplete, placeholder, maxLength, inputMode, adornment, dense, idPrefix = 'f',
  } = props;
  const id = `${idPrefix}-${name}`;
  const labelId = `${id}-label`;
  const isSelect = Array.isArray(options);
  const greyed = readOnly || disabled;

  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', md: dense ? '150px minmax(0, 1fr)' : '230px minmax(0, 340px) minmax(0, 1fr)' },
        columnGap: 2,
        rowGap: 0.5,
        alignItems: 'start',
        mb: 2,
      }}
    >
      <FormLabel
        id={labelId}
        htmlFor={id}
        required={required}
        sx={{ textAlign: { xs: 'left', md: 'right' }, pt: { md: '9px' }, color: 'text.primary', fontSize: 14, lineHeight: 1.5 }}
      >
        {label}
      </FormLabel>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', minWidth: 0 }}>
        <TextField
          id={id}
          name={name}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
          required={required}
          error={Boolean(error)}
          helperText={error}
          type={isSelect ? undefined : type}
          select={isSelect}
          disabled={disabled}
          autoFocus={autoFocus}
          autoComplete={autoComplete}
          placeholder={placeholder}
          size="small"
          fullWidth
          slotProps={{
            input: { readOnly },
            htmlInput: {
              maxLength,
              inputMode,
              'aria-labelledby': labelId,
              'data-field': name,
            },
            // Native <select>: keyboard arrows, type-to-select, and `name` on the real control.
            select: isSelect ? { native: true } : undefined,
            formHelperText: { role: error ? 'alert' : undefined, id: `${id}-error` } as object,
          }}
          sx={greyed ? { '& .MuiInputBase-root': { backgroundColor: '#eeeeee' } } : { '& .MuiInputBase-root': { backgroundColor: '#fff' } }}
        >
          {options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </TextField>
        {adornment}
      </Box>
      {hint && !dense ? (
        <Typography variant="body2" color="text.secondary" sx={{ pt: { md: '9px' }, fontSize: 13 }}>
          {hint}
        </Typography>
      ) : null}
      {hint && dense ? (
        <Typography variant="body2" color="text.secondary" sx={{ gridColumn: { md: 2 }, fontSize: 12, mt: -0.25 }}>
          {hint}
        </Typography>
      ) : null}
    </Box>
  );
}
