// One batch of topic scores: (Account)-[:TOPIC_SCORE]->(Topic) with the score, its two parts and the
// counts an explanation quotes (by type, distinct sources, sources within 50 km, rank in the topic),
// the voice's log (VoiceLog in queries/analysis/topics-influence.ts) for rankings over a window, and
// the run (or the request's run) that wrote it. A voice of the previous run keeps its relationship, updated in
// place (SET = replaces every property); clear-stale-topic-scores.cypher removes the rest afterwards.
UNWIND $rows AS r
MATCH (t:Topic {key: r.topic})
MATCH (a:Account {id: r.accountId})
MERGE (a)-[ts:TOPIC_SCORE]->(t)
SET ts = {score: r.score, attention: r.attention, pagerank: r.pagerank, mention: r.mention, reply: r.reply,
          repost: r.repost, quote: r.quote, sources: r.sources, localSources: r.localSources, rank: r.rank,
          log: r.log, logW: r.logW, runId: $runId}
