// Applies the PHI detector to the free-text fields of a change and refuses the whole change when any
// field holds an identifier. The error (PhiDetected, answered as 422 by the server's error handler)
// names the field, the kind in words and the position, never the matched text itself: that would
// spread the PHI into logs and screens.
import { PhiDetected } from '../errors.ts';
import type { OrgContacts } from './allow-list.ts';
import { findPhi, type PhiKind } from './detect.ts';

const PHI_LABEL: Record<PhiKind, string> = {
  name: 'a name tied to someone’s care',
  geographic: 'a patient’s town or ZIP code',
  date_of_birth: 'a date of birth',
  care_date: 'a date tied to someone’s care',
  age_over_89: 'an age over 89',
  phone: 'a phone number',
  fax: 'a fax number',
  email: 'an e-mail address',
  street_address: 'a street address',
  ssn: 'a social security number',
  medical_record_number: 'a medical record number',
  health_plan_number: 'a health plan number',
  account_number: 'an account number',
  licence_number: 'a licence or certificate number',
  vehicle_identifier: 'a vehicle identifier',
  device_identifier: 'a device identifier or serial number',
  url: 'a URL that points to a person’s records or files',
  ip_address: 'an IP address',
  full_face_photo: 'a full-face photo reference',
};

interface PhiProblem {
  field: string;
  kind: PhiKind;
  start: number;
  end: number;
  message: string;
}

/** Every identifier in the named fields (e.g. {'body.note': text}), with a message in words. */
function phiProblems(fields: Record<string, string | null | undefined>, allow?: OrgContacts): PhiProblem[] {
  const problems: PhiProblem[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue;
    for (const f of findPhi(text, allow ? { allow } : {})) {
      problems.push({
        field,
        kind: f.kind,
        start: f.start,
        end: f.end,
        message: `${PHI_LABEL[f.kind]} at characters ${f.start}–${f.end}`,
      });
    }
  }
  return problems;
}

/** Throws PhiDetected (HTTP 422) when any of the named fields holds an identifier. */
export function assertNoPhi(fields: Record<string, string | null | undefined>, allow?: OrgContacts): void {
  const problems = phiProblems(fields, allow);
  const first = problems[0];
  if (first) {
    throw new PhiDetected(
      `${first.field} looks like it contains ${first.message}; remove patient identifiers and try again (nothing was saved)`,
      problems,
    );
  }
}
