// Hashtags flagged as spam in this run ($rows: tag, reason); every other hashtag loses an old flag.
OPTIONAL MATCH (old:Hashtag) WHERE old.spam = true AND NOT old.tag IN [r IN $rows | r.tag]
SET old.spam = false, old.spamReason = null
WITH count(*) AS ignored
UNWIND $rows AS r
MATCH (h:Hashtag {tag: r.tag})
SET h.spam = true, h.spamReason = r.reason
RETURN count(h) AS written
