// One owner's open next steps due on or before $today (overdue or due today), soonest first, with the
// counts of each over all of them (relationship_owner index; the list is bounded by $limit).
MATCH (r:Relationship {owner: $owner})
WHERE r.nextStep IS NOT NULL AND r.dueDate IS NOT NULL AND r.dueDate <= $today
  AND NOT r.stage IN ['declined']
WITH r ORDER BY r.dueDate, r.accountId
WITH count(r) AS total, sum(CASE WHEN r.dueDate < $today THEN 1 ELSE 0 END) AS overdue,
     collect(r)[0..$limit] AS due
UNWIND (CASE WHEN size(due) = 0 THEN [null] ELSE due END) AS r
OPTIONAL MATCH (a:Account {id: r.accountId})
RETURN total, overdue,
       CASE WHEN r IS NULL THEN null
            ELSE r {.accountId, .stage, .owner, .nextStep, .dueDate, .updatedAt, .updatedBy} END AS relationship,
       a.handle AS handle, a.name AS name
