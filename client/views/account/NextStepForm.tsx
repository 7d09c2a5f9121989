// The relationship's next step, its due date and its owner, set from the account panel; "My next
// steps" on the Outreach view lists what is set here. The server checks the text for patient
// identifiers; a refusal is shown beside the field and the text stays for the user to fix.
import { useState, type FormEvent } from 'react';
import { setRelationship } from '../../api/endpoints.ts';
import { ApiError } from '../../api/http.ts';
import type { Relationship } from '../../api/types.ts';

export function NextStepForm(props: {
  accountId: string;
  relationship: Relationship | null;
  currentUser: string;
  onSaved: () => void;
  /**
   * The panel remounts this form when the saved relationship comes back (its key is the update time),
   * so the "Saved" it showed would vanish at once; the panel remembers it and passes it in.
   */
  justSaved?: boolean;
}) {
  const rel = props.relationship;
  const [nextStep, setNextStep] = useState(rel?.nextStep ?? '');
  const [dueDate, setDueDate] = useState(rel?.dueDate ?? '');
  const [owner, setOwner] = useState(rel?.owner ?? props.currentUser);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [saved, setSaved] = useState(props.justSaved ?? false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await setRelationship(props.accountId, {
        // A first next step starts the relationship at "to follow"; otherwise the stage stays.
        stage: rel?.stage ?? 'to_follow',
        nextStep: nextStep.trim() || null,
        dueDate: dueDate || null,
        owner: owner.trim() || null,
      });
      setSaved(true);
      props.onSaved();
    } catch (err) {
      const detail = err instanceof ApiError ? err.details[0] : undefined;
      const field = detail?.field?.replace(/^body\./, '') ?? null;
      setError({
        field,
        message:
          err instanceof ApiError && err.status === 422
            ? err.message
            : (detail?.message ?? String(err instanceof Error ? err.message : err)),
      });
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (f: string) => (error && error.field === f ? error.message : null);
  return (
    <form className="next-step-form" onSubmit={(e) => void submit(e)} aria-label="Next step and owner">
      <label htmlFor="next-step">Next step</label>
      <input
        id="next-step"
        value={nextStep}
        maxLength={500}
        placeholder="e.g. invite to the May webinar"
        onChange={(e) => setNextStep(e.target.value)}
        aria-invalid={errorFor('nextStep') ? true : undefined}
        aria-describedby={errorFor('nextStep') ? 'next-step-error' : undefined}
      />
      {errorFor('nextStep') && (
        <p id="next-step-error" role="alert" className="field-error">
          {errorFor('nextStep')}
        </p>
      )}
      <span className="row">
        <label>
          Due <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </label>
        <label>
          Owner <input value={owner} onChange={(e) => setOwner(e.target.value)} size={10} />
        </label>
      </span>
      {error && !errorFor('nextStep') && (
        <p role="alert" className="field-error">
          {error.message}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Save next step
      </button>
      {saved && <span role="status"> Saved</span>}
    </form>
  );
}
