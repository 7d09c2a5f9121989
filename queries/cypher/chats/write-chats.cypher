// One batch of detected chats with their hashtag, hosts and attendees.
UNWIND $chats AS c
MATCH (h:Hashtag {tag: c.tag})
CREATE (x:Chat {
  tag: c.tag, weekday: c.weekday, hour: c.hour, zone: c.zone, cadence: c.cadence, ordinal: c.ordinal,
  durationMinutes: c.durationMinutes, status: c.status, confidence: c.confidence, evidence: c.evidence,
  alsoFits: c.alsoFits, movedWeekday: c.movedWeekday, movedHour: c.movedHour, movedUntil: c.movedUntil,
  questionsFrom: c.questionsFrom, questionsTo: c.questionsTo, attended: c.attended, expected: c.expected,
  sessionStarts: c.sessionStarts, sessionPosts: c.sessionPosts, sessionPeople: c.sessionPeople,
  firstSession: c.sessionStarts[0], lastSession: c.sessionStarts[size(c.sessionStarts) - 1],
  specialties: c.specialties, runId: $runId, detectedAt: $at
})-[:ON]->(h)
WITH x, c
CALL (x, c) {
  UNWIND c.hosts AS host
  MATCH (a:Account {id: host.id})
  CREATE (a)-[:HOSTS {sessions: host.sessions}]->(x)
}
CALL (x, c) {
  UNWIND c.attendees AS at
  MATCH (a:Account {id: at.id})
  CREATE (a)-[:ATTENDS {sessions: at.sessions, lastSix: at.lastSix, first: at.first, regular: at.regular, newcomer: at.newcomer}]->(x)
}
RETURN count(*) AS written
