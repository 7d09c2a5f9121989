// Mentions whose author was just reposted or quoted by one of these posts: their reach may have grown.
UNWIND $ids AS pid
MATCH (:Post {id: pid})-[:REPOSTS|QUOTES]->(a:Account)
MATCH (m:Mention {authorId: a.id})
RETURN DISTINCT m.postId AS postId
LIMIT 10000
