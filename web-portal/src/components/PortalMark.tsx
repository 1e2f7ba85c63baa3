/** A simple emblem for the header: a globe inside a window frame. */
export function PortalMark({ size = 44 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <rect x="2" y="2" width="44" height="44" rx="9" fill="#fff" opacity="0.16" />
      <rect x="2" y="2" width="44" height="44" rx="9" fill="none" stroke="#fff" strokeWidth="2" />
      <circle cx="24" cy="24" r="13" fill="none" stroke="#fff" strokeWidth="2" />
      <ellipse cx="24" cy="24" rx="6" ry="13" fill="none" stroke="#fff" strokeWidth="1.6" />
      <line x1="11" y1="24" x2="37" y2="24" stroke="#fff" strokeWidth="1.6" />
      <path d="M13.5 17h21M13.5 31h21" stroke="#fff" strokeWidth="1.2" />
      <circle cx="36" cy="12" r="3" fill="#ffca28" />
    </svg>
  );
}
