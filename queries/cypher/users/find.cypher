MATCH (u:User {name: $name})
RETURN u.name AS name, u.role AS role, u.passwordHash AS passwordHash,
  coalesce(u.disabled, false) AS disabled, coalesce(u.sessionEpoch, 0) AS sessionEpoch,
  u.createdAt AS createdAt
