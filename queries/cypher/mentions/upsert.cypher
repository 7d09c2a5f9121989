// A post lands in the inbox once, keyed by its id: a later scan of the same post only refreshes why it
// matched; its triage, classification and SLA clock stay as they were.
UNWIND $mentions AS x
MERGE (m:Mention {postId: x.postId})
ON CREATE SET m.platform = x.platform, m.text = x.text, m.url = x.url, m.createdAt = x.createdAt,
              m.lang = x.lang, m.authorId = x.authorId, m.sentiment = x.sentiment,
              m.sentimentScore = x.score, m.category = x.category, m.cues = x.cues, m.state = 'new',
              m.receivedAt = $now, m.dueAt = x.dueAt, m.week = x.week, m.reach = 0, m.escalated = false,
              m.isNew = true
SET m.reasons = x.reasons
WITH m, coalesce(m.isNew, false) AS created
REMOVE m.isNew
RETURN m.postId AS postId, created, m.category AS category
