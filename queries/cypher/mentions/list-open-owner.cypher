// One owner's open mentions ("my queue"), due soonest first. The (owner, dueAt) index gives both the
// owner's rows and their order, so the read stops after SKIP + LIMIT however many mentions there are.
// The owner is the same on every row: ordering by it first lets the index give the order.
MATCH (m:Mention)
USING INDEX SEEK m:Mention(owner, dueAt, postId)
WHERE m.owner = $owner AND m.dueAt IS NOT NULL AND m.postId IS NOT NULL
  AND ($category IS NULL OR m.category = $category)
  AND ($state IS NULL OR m.state = $state)
  AND ($sentiment IS NULL OR m.sentiment = $sentiment)
WITH m ORDER BY m.owner ASC, m.dueAt ASC, m.postId ASC SKIP $skip LIMIT $limit
OPTIONAL MATCH (a:Account {id: m.authorId})
OPTIONAL MATCH (rel:Relationship {accountId: m.authorId})
OPTIONAL MATCH (c:Community {id: a.community})
RETURN m {.*} AS mention,
       {id: m.authorId, handle: a.handle, name: a.name, followers: a.followers, score: a.score,
        community: a.community, communityLabel: c.label, outreachStage: rel.stage} AS author
