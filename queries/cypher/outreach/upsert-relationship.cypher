MERGE (r:Relationship {accountId: $accountId})
ON CREATE SET r.createdAt = $now
SET r.stage = $stage, r.owner = $owner, r.nextStep = $nextStep, r.dueDate = $dueDate,
    r.updatedAt = $now, r.updatedBy = $actor
RETURN r {.accountId, .stage, .owner, .nextStep, .dueDate, .updatedAt, .updatedBy} AS relationship
