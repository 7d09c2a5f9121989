// Relationships with their account's handle and name, filtered by stage and owner when given.
MATCH (r:Relationship)
WHERE ($stage IS NULL OR r.stage = $stage) AND ($owner IS NULL OR r.owner = $owner)
OPTIONAL MATCH (a:Account {id: r.accountId})
OPTIONAL MATCH (c:Contact {accountId: r.accountId})
WITH r, a, max(c.at) AS lastContactAt, count(c) AS contacts
RETURN r {.accountId, .stage, .owner, .nextStep, .dueDate, .updatedAt, .updatedBy} AS relationship,
       a.handle AS handle, a.name AS name, a.score AS score, lastContactAt, contacts
ORDER BY CASE WHEN r.dueDate IS NULL THEN 1 ELSE 0 END, r.dueDate, r.accountId
LIMIT $limit
