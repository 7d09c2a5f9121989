// Open mentions of one category, due soonest first, through the (category, dueAt) index: a rare
// category (clinical safety) is read as quickly as a common one.
// The category is the same on every row: ordering by it first lets the index give the order.
MATCH (m:Mention)
USING INDEX SEEK m:Mention(category, dueAt, postId)
WHERE m.category = $category AND m.dueAt IS NOT NULL AND m.postId IS NOT NULL
  AND ($state IS NULL OR m.state = $state)
  AND ($sentiment IS NULL OR m.sentiment = $sentiment)
WITH m ORDER BY m.category ASC, m.dueAt ASC, m.postId ASC SKIP $skip LIMIT $limit
OPTIONAL MATCH (a:Account {id: m.authorId})
OPTIONAL MATCH (rel:Relationship {accountId: m.authorId})
OPTIONAL MATCH (c:Community {id: a.community})
RETURN m {.*} AS mention,
       {id: m.authorId, handle: a.handle, name: a.name, followers: a.followers, score: a.score,
        community: a.community, communityLabel: c.label, outreachStage: rel.stage} AS author
