// Moves the keyboard focus to the first field (in page order) that shows a problem.
export function focusFirstProblem(container: HTMLElement | null, fields: string[]): void {
  if (!container || fields.length === 0) return;
  const wanted = new Set(fields);
  const named = Array.from(container.querySelectorAll<HTMLElement>('[name]'));
  const first = named.find((el) => wanted.has(el.getAttribute('name') ?? ''));
  if (!first) return;
  // A MUI Select keeps its name on a hidden input; the focusable part is its combobox.
  const root = first.closest('.MuiInputBase-root');
  const target =
    first instanceof HTMLInputElement && (first.type === 'hidden' || first.getAttribute('aria-hidden') === 'true') && root
      ? root.querySelector<HTMLElement>('[role="combobox"]') ?? first
      : first;
  target.focus();
  target.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
}
