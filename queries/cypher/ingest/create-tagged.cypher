// Post → hashtag links the loader found missing in this transaction (existing-tagged).
UNWIND $rows AS t
MATCH (x:Post {id: t.post})
MATCH (h:Hashtag {tag: t.tag})
CREATE (x)-[:TAGGED]->(h)
