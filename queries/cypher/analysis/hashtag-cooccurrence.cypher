// The hashtag co-occurrence graph: two hashtags are linked by the number of posts carrying both.
MATCH (p:Post)-[:TAGGED]->(h1:Hashtag)
MATCH (p)-[:TAGGED]->(h2:Hashtag)
WHERE h1.tag < h2.tag
RETURN h1.tag AS a, h2.tag AS b, count(p) AS posts
