MATCH (r:Relationship {accountId: $accountId})
RETURN r {.accountId, .stage, .owner, .nextStep, .dueDate, .updatedAt, .updatedBy} AS relationship
