// Plain words for stored values, said one way everywhere: role and specialty names, counts with the
// right plural, and a rank as a share of its context.
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `patient_advocate` → "patient advocate". */
export const roleLabel = (role: string | null | undefined) => (role ? role.replaceAll('_', ' ') : '—');

/** `type-1-diabetes` → "type 1 diabetes". */
export const specialtyLabel = (s: string) => s.replaceAll('-', ' ').replaceAll('_', ' ');

/** "top 4 %" for #2 of 57; "top 1 %" at best (never "top 0 %"). */
export function topPercent(rank: number, size: number): string {
  if (!(rank > 0 && size > 0)) return '';
  return `top ${Math.max(1, Math.ceil((100 * rank) / size))} %`;
}
