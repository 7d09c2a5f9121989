// Log a contact with an account. When the server's PHI guard refuses the note (422), its message is
// shown next to the field it names and nothing is cleared, so the user can fix the text; the spans it
// found are highlighted in a copy of the note (as text nodes) until the note is edited.
import { useState, type FormEvent, type ReactNode } from 'react';
import { logContact } from '../../api/endpoints.ts';
import { ApiError, type ErrorDetail } from '../../api/http.ts';
import { CHANNELS, type Contact } from '../../api/types.ts';

/** `2025-03-31T14:05` for a datetime-local input, in the user's time zone. */
function localDateTimeValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

type FieldErrors = Partial<Record<'at' | 'channel' | 'note' | 'outcome' | 'form', string>>;

/** Server error details (`body.note`) → the form field they name; anything else is a form error. */
export function fieldErrors(err: unknown): FieldErrors {
  if (!(err instanceof ApiError)) return { form: 'The server could not be reached' };
  const out: FieldErrors = {};
  for (const d of err.details) {
    const f = d.field?.replace(/^body\./, '');
    if (f === 'at' || f === 'channel' || f === 'note' || f === 'outcome') out[f] = d.message;
  }
  if (Object.keys(out).length === 0) out.form = err.message;
  else if (err.status === 422) {
    // The PHI guard's message says what kind of identifier it found; keep it beside the field.
    const key = (Object.keys(out)[0] ?? 'note') as keyof FieldErrors;
    out[key] = err.message;
  }
  return out;
}

/** The note's refused spans, merged and clipped to the text, from a 422's details. */
function phiSpans(err: unknown, text: string): { start: number; end: number }[] {
  if (!(err instanceof ApiError) || err.status !== 422) return [];
  const spans = err.details
    .filter(
      (d: ErrorDetail) => d.field === 'body.note' && typeof d.start === 'number' && typeof d.end === 'number',
    )
    .map((d) => ({ start: Math.max(0, d.start!), end: Math.min(text.length, d.end!) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** The note with the refused spans in <mark>: text nodes only, the note may hold anything. */
function Highlighted(props: { text: string; spans: { start: number; end: number }[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  props.spans.forEach((s, i) => {
    if (s.start > at) parts.push(props.text.slice(at, s.start));
    parts.push(<mark key={i}>{props.text.slice(s.start, s.end)}</mark>);
    at = s.end;
  });
  parts.push(props.text.slice(at));
  return (
    <p className="phi-highlight" data-testid="contact-note-highlight">
      <span className="muted">Remove the highlighted part: </span>
      {parts}
    </p>
  );
}

export function ContactForm(props: { accountId: string; onLogged: (c: Contact) => void }) {
  const [at, setAt] = useState(() => localDateTimeValue(new Date()));
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('dm');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [spans, setSpans] = useState<{ start: number; end: number }[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setDone(null);
    try {
      const when = new Date(at);
      if (Number.isNaN(when.getTime())) {
        setErrors({ at: 'Choose a date and time' });
        return;
      }
      const c = await logContact({
        accountId: props.accountId,
        at: when.toISOString(),
        channel,
        note,
        outcome: outcome.trim() === '' ? null : outcome,
      });
      setNote('');
      setOutcome('');
      setDone('Contact logged');
      props.onLogged(c);
    } catch (err) {
      setErrors(fieldErrors(err));
      setSpans(phiSpans(err, note));
    } finally {
      setBusy(false);
    }
  };

  const describe = (k: keyof FieldErrors) =>
    errors[k] ? { 'aria-invalid': true, 'aria-describedby': `contact-${k}-error` } : {};
  const err = (k: keyof FieldErrors) =>
    errors[k] ? (
      <p className="field-error" id={`contact-${k}-error`} role="alert" data-testid={`contact-${k}-error`}>
        {errors[k]}
      </p>
    ) : null;

  return (
    <form className="contact-form" aria-label="Log a contact" onSubmit={submit}>
      <h3>Log a contact</h3>
      <label htmlFor="contact-at">When</label>
      <input
        id="contact-at"
        type="datetime-local"
        value={at}
        onChange={(e) => setAt(e.target.value)}
        required
        {...describe('at')}
      />
      {err('at')}
      <label htmlFor="contact-channel">Channel</label>
      <select
        id="contact-channel"
        value={channel}
        onChange={(e) => setChannel(e.target.value as typeof channel)}
      >
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <label htmlFor="contact-note">Note</label>
      <textarea
        id="contact-note"
        rows={3}
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
          setSpans([]);
        }}
        required
        {...describe('note')}
      />
      {err('note')}
      {spans.length > 0 && <Highlighted text={note} spans={spans} />}
      <label htmlFor="contact-outcome">Outcome</label>
      <input
        id="contact-outcome"
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        {...describe('outcome')}
      />
      {err('outcome')}
      {err('form')}
      <button type="submit" className="primary" disabled={busy || note.trim() === ''}>
        Log contact
      </button>
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
    </form>
  );
}
