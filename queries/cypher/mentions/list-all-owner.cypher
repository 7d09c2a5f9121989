// Every mention one owner holds, newest arrival first, through the (owner, receivedAt) index.
// The owner is the same on every row: ordering by it first lets the index give the order.
MATCH (m:Mention)
USING INDEX SEEK m:Mention(owner, receivedAt, postId)
WHERE m.owner = $owner AND m.receivedAt IS NOT NULL AND m.postId IS NOT NULL
  AND ($category IS NULL OR m.category = $category)
  AND ($state IS NULL OR m.state = $state)
  AND ($sentiment IS NULL OR m.sentiment = $sentiment)
WITH m ORDER BY m.owner DESC, m.receivedAt DESC, m.postId DESC SKIP $skip LIMIT $limit
OPTIONAL MATCH (a:Account {id: m.authorId})
OPTIONAL MATCH (rel:Relationship {accountId: m.authorId})
OPTIONAL MATCH (c:Community {id: a.community})
RETURN m {.*} AS mention,
       {id: m.authorId, handle: a.handle, name: a.name, followers: a.followers, score: a.score,
        community: a.community, communityLabel: c.label, outreachStage: rel.stage} AS author
