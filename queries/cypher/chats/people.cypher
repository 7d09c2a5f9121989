// A chat's regulars, newcomers and top voices (global score, then sessions attended), bounded.
MATCH (c:Chat {tag: $tag})
CALL (c) {
  MATCH (a:Account)-[r:ATTENDS]->(c)
  WHERE r.regular
  WITH a, r ORDER BY r.lastSix DESC, r.sessions DESC, a.id LIMIT $limit
  RETURN collect(a {.id, .handle, .name, .score, sessions: r.sessions, lastSix: r.lastSix, first: r.first}) AS regulars
}
CALL (c) {
  MATCH (a:Account)-[r:ATTENDS]->(c)
  WHERE r.newcomer
  WITH a, r ORDER BY r.first DESC, a.id LIMIT $limit
  RETURN collect(a {.id, .handle, .name, .score, sessions: r.sessions, lastSix: r.lastSix, first: r.first}) AS newcomers
}
CALL (c) {
  MATCH (a:Account)-[r:ATTENDS]->(c)
  WITH a, r ORDER BY coalesce(a.score, 0) DESC, r.sessions DESC, a.id LIMIT $limit
  RETURN collect(a {.id, .handle, .name, .score, sessions: r.sessions, lastSix: r.lastSix, first: r.first}) AS topVoices
}
CALL (c) {
  MATCH (a:Account)-[:ATTENDS]->(c)
  WHERE a.community IS NOT NULL
  WITH a.community AS id, count(*) AS members
  ORDER BY members DESC, id LIMIT 6
  OPTIONAL MATCH (k:Community {id: id})
  RETURN collect({id: id, members: members, label: k.label}) AS communities
}
RETURN regulars, newcomers, topVoices, communities
