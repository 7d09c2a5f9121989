MATCH (r:Relationship {accountId: $accountId})
RETURN r.nextStep AS nextStep
