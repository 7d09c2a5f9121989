// The one statement that changes an AuditEntry, run only by an admin's purge (queries/purge.ts):
// it replaces the copies of a purged text in `before`/`after` with the tombstone and records who
// redacted the entry and when. It never deletes an entry, nor touches who, when, action or target;
// the purge itself is appended to the log as a new entry in the same transaction.
UNWIND $entries AS x
MATCH (e:AuditEntry {id: x.id})
SET e.before = x.before, e.after = x.after, e.redactedAt = $now, e.redactedBy = $actor
RETURN count(e) AS redacted
