// Bench only: tagged posts for the chats phase of analyze, written straight into the bench graph.
UNWIND $rows AS r
MATCH (a:Account {id: r.author})
MERGE (h:Hashtag {tag: r.tag})
CREATE (a)-[:POSTED]->(p:Post {id: r.id, platform: 'bench', createdAt: r.at, text: r.text})-[:TAGGED]->(h)
