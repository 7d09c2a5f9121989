MERGE (u:User {name: $name})
ON CREATE SET u.createdAt = $now, u.sessionEpoch = 0
SET u.role = $role, u.passwordHash = $passwordHash, u.disabled = false, u.updatedAt = $now,
  u.sessionEpoch = coalesce(u.sessionEpoch, 0) + 1
RETURN u.name AS name, u.role AS role, coalesce(u.disabled, false) AS disabled, u.createdAt AS createdAt
