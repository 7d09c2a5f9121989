// The audit log, newest first, filtered by who (exact), what (an action, or a family such as
// "contact" for contact.*), what about (a target) and when ($from inclusive, $until exclusive, ISO
// text compared as text: every entry's `at` is UTC). Account targets come with the account's
// handle and name so the log can show who it was about.
MATCH (e:AuditEntry)
WHERE ($actor IS NULL OR e.actor = $actor)
  AND ($target IS NULL OR e.target = $target)
  AND ($action IS NULL OR e.action = $action OR e.action STARTS WITH $action + '.')
  AND ($from IS NULL OR e.at >= $from)
  AND ($until IS NULL OR e.at < $until)
  AND ($before IS NULL OR e.seq < $before)
WITH e ORDER BY e.seq DESC LIMIT $limit
OPTIONAL MATCH (a:Account {id: CASE WHEN e.target STARTS WITH 'account:' THEN substring(e.target, 8) END})
RETURN e.id AS id, e.seq AS seq, e.at AS at, e.actor AS actor, e.action AS action, e.target AS target,
       e.before AS before, e.after AS after, a.handle AS targetHandle, a.name AS targetName
ORDER BY e.seq DESC
