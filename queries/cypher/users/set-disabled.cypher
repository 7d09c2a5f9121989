MATCH (u:User {name: $name})
SET u.disabled = $disabled, u.updatedAt = $now, u.sessionEpoch = coalesce(u.sessionEpoch, 0) + 1
RETURN u.name AS name, u.role AS role, coalesce(u.disabled, false) AS disabled, u.createdAt AS createdAt
