// The topics one run (or one request) scored: a node per key with what explanations need (label, tags)
// and the size of its conversation; `logged`: its voices carry the logs a ranking over a window reads. MERGE on the key, so two readers scoring the same hashtag at once
// end with one node.
UNWIND $rows AS r
MERGE (t:Topic {key: r.key})
SET t.kind = r.kind, t.name = r.name, t.label = r.label, t.tags = r.tags, t.runId = $runId,
    t.voices = r.voices, t.interactions = r.interactions, t.logged = true
