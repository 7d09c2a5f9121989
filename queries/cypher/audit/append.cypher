// Append-only: the counter node's write lock gives each entry the next sequence number even under
// concurrent writes. Nothing in the code base updates or deletes an AuditEntry.
MERGE (counter:AuditCounter {key: 'audit'})
SET counter.seq = coalesce(counter.seq, 0) + 1
CREATE (e:AuditEntry {id: $id, seq: counter.seq, at: $at, actor: $actor, action: $action,
                      target: $target, before: $before, after: $after})
RETURN e.seq AS seq
