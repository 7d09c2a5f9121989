// Authors of recent mentions who are already in the outreach pipeline.
MATCH (m:Mention)
WHERE m.week >= $fromWeek
WITH m.authorId AS id, count(*) AS mentions
MATCH (rel:Relationship {accountId: id})
OPTIONAL MATCH (a:Account {id: id})
RETURN id, a.handle AS handle, rel.stage AS stage, mentions
ORDER BY mentions DESC, id
LIMIT 50
