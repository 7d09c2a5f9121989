MATCH (e:AuditEntry)
WHERE ($actor IS NULL OR e.actor = $actor)
  AND ($target IS NULL OR e.target = $target)
  AND ($before IS NULL OR e.seq < $before)
RETURN e.id AS id, e.seq AS seq, e.at AS at, e.actor AS actor, e.action AS action, e.target AS target,
       e.before AS before, e.after AS after
ORDER BY e.seq DESC
LIMIT $limit
