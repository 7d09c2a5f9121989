// Both guards a public reply passes before it may be marked as sent: the PHI guard (findPhi, the same
// detector outreach notes go through) and the patient-confirmation guard. The organisation's own
// public contact details (its Patient Relations phone number, e-mail, web page) are what a safe reply
// gives, so a PHI finding that is exactly one of them is not a problem.
import { findPhi } from '../phi/detect.ts';
import type { ReplyProblem } from './contract.ts';
import { findPatientConfirmation, safeReplySuggestion } from './reply-guard.ts';

interface ReplyCheckOptions {
  /** Our public contact details (identity `contacts`). */
  contacts?: readonly string[];
  /** Our physicians' public names (identity `physicians`). */
  carers?: readonly string[];
  /** The request field the text came from, for the refusal. */
  field?: string;
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9@.]/g, '');

export function checkReply(text: string, opts: ReplyCheckOptions = {}): ReplyProblem[] {
  const field = opts.field ?? 'body.text';
  const ours = new Set((opts.contacts ?? []).map(squash).filter((c) => c.length >= 5));
  const problems: ReplyProblem[] = [];
  for (const f of findPhi(text)) {
    const matched = squash(text.slice(f.start, f.end));
    if ([...ours].some((c) => c === matched || (matched.length >= 7 && c.includes(matched)))) continue;
    problems.push({
      field,
      guard: 'phi',
      kind: f.kind,
      start: f.start,
      end: f.end,
      // The identifier itself is never echoed back: it would spread into logs and screens.
      phrase: null,
      message: `looks like a patient identifier (${f.kind.replaceAll('_', ' ')}) at characters ${f.start}–${f.end}`,
      suggestion: 'Remove it: a public reply never carries anything that identifies a person.',
    });
  }
  const contact = opts.contacts?.[0];
  for (const f of findPatientConfirmation(text, { carers: opts.carers ?? [] })) {
    if (problems.some((p) => f.start < p.end && p.start < f.end)) continue;
    problems.push({
      field,
      guard: 'patient_confirmation',
      kind: f.kind,
      start: f.start,
      end: f.end,
      phrase: f.phrase,
      message: `"${f.phrase}" ${f.message}`,
      suggestion: `${f.suggestion} For example: "${safeReplySuggestion(contact)}"`,
    });
  }
  return problems.sort((a, b) => a.start - b.start);
}
