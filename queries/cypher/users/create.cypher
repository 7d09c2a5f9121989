CREATE (u:User {name: $name, role: $role, passwordHash: $passwordHash, disabled: false, sessionEpoch: 0,
  createdAt: $now, updatedAt: $now})
RETURN u.name AS name, u.role AS role, coalesce(u.disabled, false) AS disabled, u.createdAt AS createdAt
