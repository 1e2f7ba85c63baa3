// 所在国家或地区 / Country/Region: type an ISO alpha-3 code (BDI) or a name and pick it, or open
// the list. The form keeps the code; the field shows "BDI Burundi" / "BDI 布隆迪".
import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import FormLabel from '@mui/material/FormLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { COUNTRIES, findCountry, type Country } from '../../../../domain';
import type { Lang } from '../../i18n';

// "BDI Burundi | BDI 布隆迪": a chosen option's own label (in either language) still matches it.
const byName = createFilterOptions<Country>({ stringify: (c) => `${c.code} ${c.en} | ${c.code} ${c.zh}` });

/** Codes starting with what was typed come first, then every other match of code or name. */
function filter(options: Country[], state: Parameters<typeof byName>[1]): Country[] {
  const q = state.inputValue.trim().toUpperCase();
  if (!q) return options;
  const codeFirst = options.filter((c) => c.code.startsWith(q));
  return [...codeFirst, ...byName(options, state).filter((c) => !codeFirst.includes(c))];
}

export interface CountryFieldProps {
  value: string;
  onChange: (code: string) => void;
  onBlur?: () => void;
  label: string;
  placeholder: string;
  noOptionsText: string;
  hint?: string;
  error?: string;
  lang: Lang;
  required?: boolean;
}

export function CountryField({ value, onChange, onBlur, label, placeholder, noOptionsText, hint, error, lang, required }: CountryFieldProps) {
  const id = 'f-country';
  const labelId = `${id}-label`;
  const selected = findCountry(value) ?? null;
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', md: '230px minmax(0, 340px) minmax(0, 1fr)' },
        columnGap: 2,
        rowGap: 0.5,
        alignItems: 'start',
        mb: 2,
      }}
    >
      <FormLabel id={labelId} htmlFor={id} required={required} sx={{ textAlign: { xs: 'left', md: 'right' }, pt: { md: '9px' }, color: 'text.primary', fontSize: 14, lineHeight: 1.5 }}>
        {label}
      </FormLabel>
      <Autocomplete<Country>
        id={id}
        options={COUNTRIES as Country[]}
        value={selected}
        onChange={(_, c) => onChange(c?.code ?? '')}
        onBlur={onBlur}
        filterOptions={filter}
        getOptionLabel={(c) => `${c.code} ${c[lang]}`}
        isOptionEqualToValue={(a, b) => a.code === b.code}
        autoHighlight
        autoSelect
        openOnFocus={false}
        noOptionsText={noOptionsText}
        size="small"
        renderOption={(props, c) => {
          const { key, ...rest } = props as typeof props & { key: string };
          return (
            <Box component="li" key={key} {...rest} data-testid={`country-${c.code}`}>
              <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 600, mr: 1.5 }}>
                {c.code}
              </Box>
              {c[lang]}
            </Box>
          );
        }}
        renderInput={(params) => (
          <TextField
            {...params}
            name="country"
            placeholder={placeholder}
            error={Boolean(error)}
            helperText={error}
            required={required}
            slotProps={{
              ...params.slotProps,
              htmlInput: { ...params.slotProps.htmlInput, 'aria-labelledby': labelId, 'data-field': 'country' },
              formHelperText: { role: error ? 'alert' : undefined, id: `${id}-error` } as object,
            }}
            sx={{ '& .MuiInputBase-root': { backgroundColor: '#fff' } }}
          />
        )}
      />
      {hint ? (
        <Typography variant="body2" color="text.secondary" sx={{ pt: { md: '9px' }, fontSize: 13 }}>
          {hint}
        </Typography>
      ) : null}
    </Box>
  );
}
