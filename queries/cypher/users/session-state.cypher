MATCH (u:User {name: $name})
RETURN u.role AS role, coalesce(u.disabled, false) AS disabled, coalesce(u.sessionEpoch, 0) AS sessionEpoch
