// The organisation's own public contact details: its press line, media e-mail, press address and
// website. Staff quote them in notes all the time ("gave her our press line"), and they identify the
// organisation, not a patient, so the guard lets them through.
//
// Configured with CARECIRCLE_ORG_CONTACTS: the path of a JSON file such as
//   {"phones": ["+1 415 555 0190"], "emails": ["media@example.org"], "emailDomains": ["example.org"],
//    "addresses": ["2100 Bayview Avenue"], "websites": ["example.org", "www.example.org"]}
// Every field is optional. A file that is missing or malformed stops the server with a message
// naming the variable (see loadOrgContacts).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../connection.ts';

export const OrgContacts = z.object({
  /** Phone numbers in any format; compared on their digits. */
  phones: z.array(z.string().min(3)).default([]),
  /** Exact addresses, compared case-insensitively. */
  emails: z.array(z.string().min(3)).default([]),
  /** Any address at these domains belongs to the organisation's staff mailboxes. */
  emailDomains: z.array(z.string().min(3)).default([]),
  /** Street addresses (number and street); a note may add a suite or city after them. */
  addresses: z.array(z.string().min(3)).default([]),
  /** Host names of the public website; sub-domains (a patient portal) are NOT covered. */
  websites: z.array(z.string().min(3)).default([]),
});
export type OrgContacts = z.infer<typeof OrgContacts>;

const NO_ORG_CONTACTS: OrgContacts = OrgContacts.parse({});

/** A ConfigError, so the command line prints it as one line and exits 1. */
export class OrgContactsError extends ConfigError {
  override name = 'OrgContactsError';
}

export function loadOrgContacts(env: NodeJS.ProcessEnv = process.env): OrgContacts {
  const file = env.CARECIRCLE_ORG_CONTACTS;
  if (!file) return NO_ORG_CONTACTS;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new OrgContactsError(
      `CARECIRCLE_ORG_CONTACTS=${file}: cannot read it as JSON (${(err as Error).message})`,
    );
  }
  const parsed = OrgContacts.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new OrgContactsError(
      `CARECIRCLE_ORG_CONTACTS=${file}: ${issue.path.join('.') || 'file'} ${issue.message}`,
    );
  }
  return parsed.data;
}

let current: OrgContacts | undefined;

/** The allow-list the guard uses when none is passed: read once from the environment. */
export function orgContacts(): OrgContacts {
  current ??= loadOrgContacts();
  return current;
}

const digits = (s: string) => s.replace(/\D/g, '');
const lastTen = (s: string) => digits(s).slice(-10);

const STREET_WORDS: [RegExp, string][] = [
  [/\bave?\b\.?/g, 'avenue'],
  [/\bst\b\.?/g, 'street'],
  [/\brd\b\.?/g, 'road'],
  [/\bblvd\b\.?/g, 'boulevard'],
  [/\bdr\b\.?/g, 'drive'],
  [/\bln\b\.?/g, 'lane'],
  [/\bpl\b\.?/g, 'place'],
  [/\bct\b\.?/g, 'court'],
];
function streetKey(s: string): string {
  let t = s.toLowerCase().replace(/[.,]/g, ' ');
  for (const [re, word] of STREET_WORDS) t = t.replace(re, word);
  return t.replace(/\s+/g, ' ').trim();
}

export function allowsPhone(list: OrgContacts, text: string): boolean {
  const d = lastTen(text);
  return d.length >= 7 && list.phones.some((p) => lastTen(p) === d);
}

export function allowsEmail(list: OrgContacts, address: string): boolean {
  const a = address.toLowerCase();
  const domain = a.split('@')[1] ?? '';
  return (
    list.emails.some((e) => e.toLowerCase() === a) ||
    list.emailDomains.some((d) => d.toLowerCase() === domain)
  );
}

export function allowsAddress(list: OrgContacts, text: string): boolean {
  const key = streetKey(text);
  return list.addresses.some((a) => key.startsWith(streetKey(a)));
}

export function allowsHost(list: OrgContacts, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return list.websites.some((w) => w.toLowerCase() === h);
}
