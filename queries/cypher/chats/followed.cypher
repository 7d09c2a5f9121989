// The chats a user follows that the latest analysis still found, with their hosts, for the calendar.
MATCH (f:ChatFollow {user: $user})
MATCH (c:Chat {tag: f.tag})
WITH c
ORDER BY c.tag
LIMIT $limit
CALL (c) {
  OPTIONAL MATCH (h:Account)-[r:HOSTS]->(c)
  WITH h, r ORDER BY r.sessions DESC, h.id
  RETURN collect(h {.id, .handle, .name, .score, sessions: r.sessions}) AS hosts
}
RETURN c {.*} AS chat, hosts
