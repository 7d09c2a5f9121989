// Dates in the viewer's own time zone (the browser's), next to the zone the chat keeps.
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function inViewerZone(iso: string, opts: { withZone?: boolean } = {}): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    ...(opts.withZone === false ? {} : { timeZoneName: 'short' }),
  });
}

export function dateOnly(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}
