// "Change my password", for every role: the current password, the new one twice. The server checks
// the current one and the new one's strength (the reason comes back in words and is shown as is),
// ends my other sessions and keeps this one.
import { useState, type FormEvent } from 'react';
import { changeMyPassword } from '../api/endpoints.ts';
import { ApiError } from '../api/http.ts';

export function ChangePassword(props: { onClose: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (next !== again) {
      setError('The two new passwords differ.');
      return;
    }
    setBusy(true);
    try {
      await changeMyPassword(current, next);
      setDone(true);
      setCurrent('');
      setNext('');
      setAgain('');
    } catch (err) {
      const detail = err instanceof ApiError ? err.details[0]?.message : undefined;
      setError(
        err instanceof ApiError ? err.message || detail || 'Not changed' : 'The server could not be reached',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="change-password" onSubmit={(e) => void submit(e)} aria-label="Change my password">
      <label>
        Current password
        <input
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          required
        />
      </label>
      <label>
        New password
        <input
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          required
        />
      </label>
      <label>
        New password again
        <input
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
          required
        />
      </label>
      {error && <p role="alert">{error}</p>}
      {done && <p role="status">Password changed; your other sessions were signed out.</p>}
      <span className="buttons">
        <button type="submit" disabled={busy}>
          Change password
        </button>
        <button type="button" className="link" onClick={props.onClose}>
          Close
        </button>
      </span>
    </form>
  );
}
