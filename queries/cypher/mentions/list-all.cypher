// Every mention, newest arrival first (receivedAt index), with the same filters; LIMIT bounds it.
MATCH (m:Mention)
WHERE m.receivedAt IS NOT NULL
  AND ($owner IS NULL OR m.owner = $owner)
  AND ($category IS NULL OR m.category = $category)
  AND ($state IS NULL OR m.state = $state)
  AND ($sentiment IS NULL OR m.sentiment = $sentiment)
WITH m ORDER BY m.receivedAt DESC, m.postId ASC SKIP $skip LIMIT $limit
OPTIONAL MATCH (a:Account {id: m.authorId})
OPTIONAL MATCH (rel:Relationship {accountId: m.authorId})
OPTIONAL MATCH (c:Community {id: a.community})
RETURN m {.*} AS mention,
       {id: m.authorId, handle: a.handle, name: a.name, followers: a.followers, score: a.score,
        community: a.community, communityLabel: c.label, outreachStage: rel.stage} AS author
