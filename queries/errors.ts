// Domain errors: what queries/ (and ingest, collect) throw when a caller asks for something that
// cannot be done. They carry no HTTP status; server/plugins/errors.ts maps each kind to one, so the
// same rule answers a 404 on the API and a one-line message with exit 1 on the command line (cli/output.ts).

interface FieldProblem {
  /** Where the problem is, as the caller named it: `body.note`, `query.near`, `--hashtag`. */
  field: string;
  message: string;
}

type DomainErrorKind =
  'not_found' | 'conflict' | 'forbidden' | 'invalid' | 'phi_detected' | 'unknown_place' | 'too_large';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    message: string,
    readonly details?: readonly FieldProblem[] | readonly unknown[],
  ) {
    super(message);
  }
}

/** The thing named does not exist (HTTP 404). */
export class NotFound extends DomainError {
  override name = 'NotFound';
  readonly kind = 'not_found' as const;
}

/** The change contradicts what is stored (HTTP 409): a name taken, a stage moved backwards unconfirmed. */
export class Conflict extends DomainError {
  override name = 'Conflict';
  readonly kind = 'conflict' as const;
}

/** The actor may not make this change (HTTP 403), e.g. re-assigning someone else's relationship. */
export class Forbidden extends DomainError {
  override name = 'Forbidden';
  readonly kind = 'forbidden' as const;
}

/** The input is well-formed but not acceptable (HTTP 400); details name the field. */
export class Invalid extends DomainError {
  override name = 'Invalid';
  readonly kind = 'invalid' as const;
}

/** Free text holds a patient identifier (HTTP 422); details give field, kind and span, never the text. */
export class PhiDetected extends DomainError {
  override name = 'PhiDetected';
  readonly kind = 'phi_detected' as const;
}

/** A place name the gazetteer does not know, or one that is ambiguous (HTTP 400). */
export class UnknownPlace extends DomainError {
  override name = 'UnknownPlace';
  readonly kind = 'unknown_place' as const;
}

/** The request would read more than a bounded query may (HTTP 503 with advice to narrow it). */
export class TooLarge extends DomainError {
  override name = 'TooLarge';
  readonly kind = 'too_large' as const;
}

/** HTTP status for each kind, used by the server's one error handler. */
export const HTTP_STATUS: Record<DomainErrorKind, number> = {
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  invalid: 400,
  phi_detected: 422,
  unknown_place: 400,
  too_large: 503,
};
