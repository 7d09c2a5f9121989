// One batch of topic scores: (Account)-[:TOPIC_SCORE]->(Topic) with the score, its two parts and the
// counts an explanation quotes (by type, distinct sources, sources within 50 km, rank in the topic).
UNWIND $rows AS r
MATCH (t:Topic {key: r.topic})
MATCH (a:Account {id: r.accountId})
CREATE (a)-[:TOPIC_SCORE {score: r.score, attention: r.attention, pagerank: r.pagerank, mention: r.mention,
                          reply: r.reply, repost: r.repost, quote: r.quote, sources: r.sources,
                          localSources: r.localSources, rank: r.rank}]->(t)
