// Form state with red field hints: local checks (domain validators, error codes) while typing,
// server checks (422 error.fields) after submitting; both end up beside the field.
import { useCallback, useRef, useState } from 'react';
import { messageFor } from '../../../domain';
import type { FieldProblems } from '../api/types';
import { useLanguage } from '../i18n';

export type FormValues = Record<string, string | boolean>;
export type Validate<T> = (values: T) => Record<string, string>;

interface Problem {
  code: string;
  message?: string;
  source: 'local' | 'server';
}

export interface FormApi<T extends FormValues> {
  values: T;
  set: <K extends keyof T & string>(field: K, value: T[K]) => void;
  setMany: (patch: Partial<T>) => void;
  /** Changes a value without re-checking or clearing its hint (e.g. emptying a spent captcha). */
  setQuiet: <K extends keyof T & string>(field: K, value: T[K]) => void;
  blur: (field: keyof T & string) => void;
  /** Runs every local check; shows all problems; true when the form is fine. */
  validateAll: () => boolean;
  /** Shows the server's field problems (422) beside their fields. */
  setServerProblems: (fields: FieldProblems) => void;
  setProblem: (field: string, code: string, message?: string) => void;
  clearProblem: (field: string) => void;
  error: (field: string) => string | undefined;
  problemFields: () => string[];
  reset: (values?: T) => void;
}

export function useForm<T extends FormValues>(initial: T, validate: Validate<T>): FormApi<T> {
  const { lang } = useLanguage();
  const [values, setValues] = useState<T>(initial);
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const dirty = useRef<Set<string>>(new Set());
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const problemsRef = useRef(problems);
  problemsRef.current = problems;

  /** Re-checks `changed` and every field already showing a local problem (e.g. confirm vs. password). */
  const recheck = useCallback(
    (next: T, changed: string[]) => {
      const local = validate(next);
      setProblems((prev) => {
        const out: Record<string, Problem> = { ...prev };
        for (const f of changed) delete out[f];
        for (const f of Object.keys(out)) if (out[f].source === 'local') delete out[f];
        for (const f of [...changed, ...Object.keys(prev).filter((k) => prev[k].source === 'local')]) {
          if (local[f] && dirty.current.has(f)) out[f] = { code: local[f], source: 'local' };
        }
        return out;
      });
    },
    [validate],
  );

  const setMany = useCallback(
    (patch: Partial<T>) => {
      const next = { ...valuesRef.current, ...patch } as T;
      valuesRef.current = next;
      setValues(next);
      const fields = Object.keys(patch);
      const showing = fields.filter((f) => problemsRef.current[f]);
      // Only fields already marked are re-checked while typing; new ones wait for blur.
      recheck(next, showing);
      // Server problems of an edited field are stale now.
      setProblems((prev) => {
        let changed = false;
        const out = { ...prev };
        for (const f of fields) {
          if (out[f]?.source === 'server') {
            delete out[f];
            changed = true;
          }
        }
        return changed ? out : prev;
      });
      for (const f of fields) dirty.current.add(f);
    },
    [recheck],
  );

  const set = useCallback(
    <K extends keyof T & string>(field: K, value: T[K]) => setMany({ [field]: value } as unknown as Partial<T>),
    [setMany],
  );

  const setQuiet = useCallback(<K extends keyof T & string>(field: K, value: T[K]) => {
    const next = { ...valuesRef.current, [field]: value } as T;
    valuesRef.current = next;
    setValues(next);
  }, []);

  const blur = useCallback(
    (field: keyof T & string) => {
      if (!dirty.current.has(field)) return;
      recheck(valuesRef.current, [field]);
    },
    [recheck],
  );

  const validateAll = useCallback(() => {
    const local = validate(valuesRef.current);
    for (const f of Object.keys(valuesRef.current)) dirty.current.add(f);
    const out: Record<string, Problem> = {};
    for (const [f, code] of Object.entries(local)) out[f] = { code, source: 'local' };
    problemsRef.current = out;
    setProblems(out);
    return Object.keys(local).length === 0;
  }, [validate]);

  const setServerProblems = useCallback((fields: FieldProblems) => {
    setProblems((prev) => {
      const out = { ...prev };
      for (const [f, p] of Object.entries(fields)) out[f] = { code: p.code, message: p.message, source: 'server' };
      problemsRef.current = out;
      return out;
    });
  }, []);

  const setProblem = useCallback((field: string, code: string, message?: string) => {
    setProblems((prev) => {
      const out = { ...prev, [field]: { code, message, source: 'server' as const } };
      problemsRef.current = out;
      return out;
    });
  }, []);

  const clearProblem = useCallback((field: string) => {
    setProblems((prev) => {
      if (!prev[field]) return prev;
      const out = { ...prev };
      delete out[field];
      problemsRef.current = out;
      return out;
    });
  }, []);

  const error = useCallback(
    (field: string) => {
      const p = problems[field];
      if (!p) return undefined;
      // The server's sentence may carry details (seconds to wait…); local codes are translated here.
      return p.message ?? messageFor(p.code, lang);
    },
    [problems, lang],
  );

  const problemFields = useCallback(() => Object.keys(problemsRef.current), []);

  const reset = useCallback((next?: T) => {
    const v = next ?? initial;
    valuesRef.current = v;
    setValues(v);
    setProblems({});
    problemsRef.current = {};
    dirty.current = new Set();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { values, set, setMany, setQuiet, blur, validateAll, setServerProblems, setProblem, clearProblem, error, problemFields, reset };
}
