// Mentions waiting for a first answer, the one due soonest (so the most overdue) first. Only open
// mentions have a dueAt, so the dueAt index serves both the filter and the order; LIMIT bounds it.
// Without an owner or a category; those filters have their own statements (list-open-owner, -category).
MATCH (m:Mention)
// Named: with postId in the WHERE the planner may otherwise pick postId's own (constraint) index and
// sort every mention, as it did on a freshly started test instance.
USING INDEX m:Mention(dueAt, postId)
WHERE m.dueAt IS NOT NULL AND m.postId IS NOT NULL
  AND ($state IS NULL OR m.state = $state)
  AND ($sentiment IS NULL OR m.sentiment = $sentiment)
WITH m ORDER BY m.dueAt ASC, m.postId ASC SKIP $skip LIMIT $limit
OPTIONAL MATCH (a:Account {id: m.authorId})
OPTIONAL MATCH (rel:Relationship {accountId: m.authorId})
OPTIONAL MATCH (c:Community {id: a.community})
RETURN m {.*} AS mention,
       {id: m.authorId, handle: a.handle, name: a.name, followers: a.followers, score: a.score,
        community: a.community, communityLabel: c.label, outreachStage: rel.stage} AS author
