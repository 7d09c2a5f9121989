// Chats, surest first, filtered by tag and specialty, with their hosts and head counts.
MATCH (c:Chat)
WHERE ($tag IS NULL OR c.tag = $tag)
  AND ($specialty IS NULL OR $specialty IN coalesce(c.specialties, []))
WITH c
ORDER BY c.status, c.confidence DESC, c.tag
LIMIT $limit
CALL (c) {
  OPTIONAL MATCH (h:Account)-[r:HOSTS]->(c)
  WITH h, r ORDER BY r.sessions DESC, h.id
  RETURN collect(h {.id, .handle, .name, .score, sessions: r.sessions}) AS hosts
}
CALL (c) {
  OPTIONAL MATCH (a:Account)-[r:ATTENDS]->(c)
  RETURN count(a) AS participants, count(CASE WHEN r.regular THEN 1 END) AS regulars
}
OPTIONAL MATCH (f:ChatFollow {user: $user, tag: c.tag})
RETURN c {.*} AS chat, hosts, participants, regulars, f IS NOT NULL AS followed
