// Topic cluster of each hashtag (Louvain on the co-occurrence graph), one batch of rows.
UNWIND $rows AS r
MATCH (h:Hashtag {tag: r.tag})
SET h.topic = toInteger(r.topic)
