// The audit entries about one account, oldest first: the copies a purge must look through.
MATCH (e:AuditEntry {target: $target})
RETURN e.id AS id, e.before AS before, e.after AS after
ORDER BY e.seq
LIMIT $limit
