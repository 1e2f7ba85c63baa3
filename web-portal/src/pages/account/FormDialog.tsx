// The frame of the account center's dialogs: a form with a title, an error line, the fields and
// 取消 / 保存; plus the shared handling of a refused save (red hints beside the fields, else a line).
import type { FormEvent, ReactNode, RefObject } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { isApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { focusFirstProblem } from '../../forms/focus';
import type { FormApi, FormValues } from '../../forms/useForm';
import { useT, type Translate } from '../../i18n';

export interface FormDialogProps {
  open: boolean;
  title: ReactNode;
  testId: string;
  busy: boolean;
  alert: string | null;
  notice?: ReactNode;
  onClose: () => void;
  onSubmit: (e: FormEvent) => void;
  formRef: RefObject<HTMLFormElement | null>;
  submitLabel?: string;
  submitDisabled?: boolean;
  children: ReactNode;
}

export function FormDialog(p: FormDialogProps) {
  const t = useT();
  const id = `${p.testId}-title`;
  return (
    <Dialog open={p.open} onClose={p.busy ? undefined : p.onClose} maxWidth="sm" fullWidth aria-labelledby={id} data-testid={p.testId}>
      <Box component="form" ref={p.formRef} noValidate onSubmit={p.onSubmit}>
        <DialogTitle id={id}>{p.title}</DialogTitle>
        <DialogContent dividers>
          {p.alert ? (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="dialog-alert">
              {p.alert}
            </Alert>
          ) : null}
          {p.notice}
          {p.children}
        </DialogContent>
        <DialogActions>
          <Button onClick={p.onClose} disabled={p.busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={p.busy || p.submitDisabled} data-testid={`${p.testId}-submit`}>
            {p.submitLabel ?? t('common.save')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

/** A refused save: field problems beside their fields (and focus), anything else as one line. */
export function showSaveError<T extends FormValues>(
  err: unknown,
  form: FormApi<T>,
  formRef: RefObject<HTMLFormElement | null>,
  setAlert: (s: string) => void,
  t: Translate,
  formName: (apiField: string) => string = (f) => f,
): void {
  if (isApiError(err) && err.hasFields) {
    const problems = Object.fromEntries(Object.entries(err.fields).map(([f, p]) => [formName(f), p]));
    form.setServerProblems(problems);
    const fields = Object.keys(problems);
    const known = fields.filter((f) => f in form.values);
    if (known.length < fields.length) setAlert(fields.filter((f) => !(f in form.values)).map((f) => problems[f].message ?? f).join('；'));
    window.setTimeout(() => focusFirstProblem(formRef.current, known), 0);
  } else setAlert(describeError(err, t));
}

/** Local check before sending: red hints and focus on the first problem. */
export function checkLocally<T extends FormValues>(form: FormApi<T>, formRef: RefObject<HTMLFormElement | null>): boolean {
  if (form.validateAll()) return true;
  focusFirstProblem(formRef.current, form.problemFields());
  return false;
}
