// One owner's open relationships that have a next step, soonest due first (no date last).
MATCH (r:Relationship {owner: $owner})
WHERE r.nextStep IS NOT NULL AND NOT r.stage IN ['declined']
OPTIONAL MATCH (a:Account {id: r.accountId})
RETURN r {.accountId, .stage, .owner, .nextStep, .dueDate, .updatedAt, .updatedBy} AS relationship,
       a.handle AS handle, a.name AS name
ORDER BY CASE WHEN r.dueDate IS NULL THEN 1 ELSE 0 END, r.dueDate, r.accountId
LIMIT $limit
