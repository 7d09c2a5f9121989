// An account's role from cues in its bio and name. The first role whose cues match wins, in the order
// below: an organisation's account often also says "patients", and a clinician who advocates is
// still reached as a clinician. Staff correct mistakes with Account.roleOverride, which analysis
// never writes.
import { z } from 'zod';

export const Role = z.enum(['patient_advocate', 'clinician', 'organisation', 'researcher', 'other']);
export type Role = z.infer<typeof Role>;

const CUES: [Exclude<Role, 'other'>, RegExp][] = [
  [
    'organisation',
    /\b(?:official (?:account|page)|foundation|association|society|hospital|health system|medical center|medical centre|clinic|nonprofit|non-profit|charity|institute|alliance|coalition|network of|we are|we're|our mission|inc\.?|llc|ltd)\b/i,
  ],
  [
    'clinician',
    /\b(?:md|m\.d\.|do|rn|bsn|msn|np|aprn|pa-c|crna|pharmd|dds|mbbs|frcp|facp|physician|doctor|surgeon|nurse|nurse practitioner|pharmacist|[a-z]+ologist|pediatrician|paediatrician|clinician|resident|attending|gp|dietitian|cde|cdces|physio(?:therapist)?)\b|\bdr\.?\s/i,
  ],
  [
    'researcher',
    /\b(?:phd|ph\.d\.|researcher|research scientist|scientist|professor|prof\.?|postdoc|post-doc|lab|epidemiologist|investigator|academic|lecturer|doctoral)\b/i,
  ],
  [
    'patient_advocate',
    /\b(?:advocate|advocacy|patient|survivor|living with|warrior|thriver|caregiver|carer|mom of|mum of|dad of|parent of|diagnosed|since \d{4}|t1d|t2d|type 1|type 2|chronic(?:ally)? ill|spoonie|fighter)\b/i,
  ],
];

export function roleFromBio(bio: string | null | undefined, name?: string | null): Role {
  const text = `${name ?? ''}\n${bio ?? ''}`;
  if (!text.trim()) return 'other';
  for (const [role, cue] of CUES) if (cue.test(text)) return role;
  return 'other';
}
