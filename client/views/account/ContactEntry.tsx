// One entry of the contact log. Its author (or an admin) can correct it — the server's PHI guard
// checks the new note and outcome, and a refusal is shown beside the field with nothing saved — or
// delete it after confirming. Both are audited on the server. Notes are shown as text.
import { useState, type FormEvent } from 'react';
import { deleteContact, editContact } from '../../api/endpoints.ts';
import { ApiError } from '../../api/http.ts';
import { CHANNELS, type Contact } from '../../api/types.ts';
import { fieldErrors } from './ContactForm.tsx';

export function ContactEntry(props: {
  contact: Contact;
  canChange: boolean;
  onChanged: () => void;
  children?: React.ReactNode;
}) {
  const c = props.contact;
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [channel, setChannel] = useState(c.channel);
  const [note, setNote] = useState(c.note);
  const [outcome, setOutcome] = useState(c.outcome ?? '');
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({});
  const [busy, setBusy] = useState(false);
  const idBase = `contact-${c.id}`;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await editContact(c.id, { channel, note, outcome: outcome.trim() === '' ? null : outcome });
      setMode('view');
      props.onChanged();
    } catch (err) {
      setErrors(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    setErrors({});
    try {
      await deleteContact(c.id);
      props.onChanged();
    } catch (err) {
      setErrors({ form: err instanceof ApiError ? err.message : 'The server could not be reached' });
      setBusy(false);
    }
  };

  const when = (
    <>
      <time dateTime={c.at}>{new Date(c.at).toLocaleString()}</time> · {c.channel} · {c.by}
      {c.updatedBy && <span className="muted"> · edited by {c.updatedBy}</span>}
    </>
  );
  if (mode === 'edit') {
    return (
      <li>
        {when}
        <form className="contact-edit" aria-label="Edit this contact" onSubmit={save}>
          <label htmlFor={`${idBase}-channel`}>Channel</label>
          <select
            id={`${idBase}-channel`}
            value={channel}
            onChange={(e) => setChannel(e.target.value as Contact['channel'])}
          >
            {CHANNELS.map((ch) => (
              <option key={ch}>{ch}</option>
            ))}
          </select>
          <label htmlFor={`${idBase}-note`}>Note</label>
          <textarea
            id={`${idBase}-note`}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            required
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={errors.note ? `${idBase}-note-error` : undefined}
          />
          {errors.note && (
            <p className="field-error" id={`${idBase}-note-error`} role="alert">
              {errors.note}
            </p>
          )}
          <label htmlFor={`${idBase}-outcome`}>Outcome</label>
          <input
            id={`${idBase}-outcome`}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
            aria-invalid={errors.outcome ? true : undefined}
          />
          {errors.outcome && (
            <p className="field-error" role="alert">
              {errors.outcome}
            </p>
          )}
          {(errors.form || errors.at || errors.channel) && (
            <p className="field-error" role="alert">
              {errors.form ?? errors.at ?? errors.channel}
            </p>
          )}
          <button type="submit" disabled={busy}>
            Save changes
          </button>{' '}
          <button type="button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </form>
      </li>
    );
  }
  return (
    <li>
      {when}
      <div>{c.note}</div>
      {c.outcome && <div className="muted">Outcome: {c.outcome}</div>}
      {props.canChange && mode === 'view' && (
        <span className="buttons">
          <button type="button" className="link" onClick={() => setMode('edit')}>
            Edit
          </button>
          <button type="button" className="link danger" onClick={() => setMode('delete')}>
            Delete
          </button>
          {props.children}
        </span>
      )}
      {mode === 'delete' && (
        <p role="group" aria-label="Confirm deleting this contact">
          Delete this contact? The audit log keeps that it existed.{' '}
          <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
            Delete contact
          </button>{' '}
          <button type="button" onClick={() => setMode('view')}>
            Keep it
          </button>
        </p>
      )}
      {errors.form && (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      )}
      {!(props.canChange && mode === 'view') && props.children}
    </li>
  );
}
