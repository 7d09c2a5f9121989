// Admin only: purge a saved contact note that holds patient information. Asks for a reason first
// (it goes into the audit log and is checked for PHI itself), then replaces the note everywhere by a
// tombstone; nothing happens until the admin confirms.
import { useState, type FormEvent } from 'react';
import { purgeContact } from '../../api/endpoints.ts';
import { ApiError } from '../../api/http.ts';

export function PurgeButton(props: { contactId: string; onPurged: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <button type="button" className="link danger" onClick={() => setOpen(true)}>
        Purge note…
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await purgeContact(props.contactId, reason);
      setOpen(false);
      props.onPurged();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached');
    } finally {
      setBusy(false);
    }
  };
  const id = `purge-reason-${props.contactId}`;
  return (
    <form className="purge-form" aria-label="Purge this note" onSubmit={submit}>
      <p className="muted">
        The note will be replaced by a tombstone here and in the audit log. This cannot be undone.
      </p>
      <label htmlFor={id}>Reason (no patient details)</label>
      <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} required />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="danger" disabled={busy || reason.trim() === ''}>
        Purge the note
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
