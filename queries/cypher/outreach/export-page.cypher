// One page of the whole pipeline for the CSV export, in account id order after $after (the
// relationship_account constraint's index), so the export streams every row a page at a time.
MATCH (r:Relationship)
WHERE r.accountId > $after
  AND ($stage IS NULL OR r.stage = $stage) AND ($owner IS NULL OR r.owner = $owner)
WITH r ORDER BY r.accountId LIMIT $limit
OPTIONAL MATCH (a:Account {id: r.accountId})
CALL (r) {
  OPTIONAL MATCH (c:Contact {accountId: r.accountId})
  RETURN max(c.at) AS lastContactAt, count(c) AS contacts
}
RETURN r {.accountId, .stage, .owner, .nextStep, .dueDate, .updatedAt, .updatedBy} AS relationship,
       a.handle AS handle, a.name AS name, a.score AS score, lastContactAt, contacts
ORDER BY r.accountId
