MATCH (m:Mention {postId: $postId})
OPTIONAL MATCH (a:Account {id: m.authorId})
OPTIONAL MATCH (rel:Relationship {accountId: m.authorId})
OPTIONAL MATCH (c:Community {id: a.community})
RETURN m {.*} AS mention,
       {id: m.authorId, handle: a.handle, name: a.name, followers: a.followers, score: a.score,
        community: a.community, communityLabel: c.label, outreachStage: rel.stage} AS author,
       COLLECT { MATCH (n:Notification {postId: m.postId}) RETURN n.user ORDER BY n.user } AS escalatedTo
