// Applies the PHI detector to the free-text fields of a request and refuses the whole request with
// 422 when any field holds an identifier: the body names the field, the kind and the position, never
// the matched text itself (it would spread the PHI into logs and screens).
import { HttpError } from '../plugins/errors.ts';
import { findPhi, type PhiKind } from './detect.ts';

const LABEL: Record<PhiKind, string> = {
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

export interface PhiProblem {
  field: string;
  kind: PhiKind;
  start: number;
  end: number;
  message: string;
}

/** Throws 422 when any of the named fields (e.g. {'body.note': text}) holds an identifier. */
export function assertNoPhi(fields: Record<string, string | null | undefined>): void {
  const problems: PhiProblem[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue;
    for (const f of findPhi(text)) {
      problems.push({
        field,
        kind: f.kind,
        start: f.start,
        end: f.end,
        message: `${LABEL[f.kind]} at characters ${f.start}–${f.end}`,
      });
    }
  }
  const first = problems[0];
  if (first) {
    throw new HttpError(
      422,
      'phi_detected',
      `${first.field} looks like it contains ${first.message}; remove patient identifiers and try again (nothing was saved)`,
      problems,
    );
  }
}
