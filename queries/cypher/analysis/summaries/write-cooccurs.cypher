// Two hashtags carried by the same posts, stored from the tag that sorts first to the other.
UNWIND $rows AS r
MATCH (a:Hashtag {tag: r.a})
MATCH (b:Hashtag {tag: r.b})
CREATE (a)-[:COOCCURS {posts: r.posts}]->(b)
