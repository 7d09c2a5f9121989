// A new password ends every session the user had: the epoch their sessions were made in is over.
MATCH (u:User {name: $name})
SET u.passwordHash = $passwordHash, u.updatedAt = $now, u.sessionEpoch = coalesce(u.sessionEpoch, 0) + 1
RETURN u.name AS name, u.role AS role, coalesce(u.disabled, false) AS disabled, u.createdAt AS createdAt,
  u.sessionEpoch AS sessionEpoch
