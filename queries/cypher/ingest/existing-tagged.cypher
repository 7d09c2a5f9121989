// Which post → hashtag links of the batch exist already (they were counted in USED when created).
UNWIND $rows AS t
MATCH (:Post {id: t.post})-[:TAGGED]->(:Hashtag {tag: t.tag})
RETURN t.i AS i
