MATCH (r:Relationship {accountId: $accountId})
SET r.nextStep = $tombstone, r.updatedAt = $now, r.updatedBy = $actor
RETURN r {.accountId, .stage, .owner, .nextStep, .dueDate, .updatedAt, .updatedBy} AS relationship
