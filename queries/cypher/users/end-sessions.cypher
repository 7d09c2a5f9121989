MATCH (u:User {name: $name})
SET u.sessionEpoch = coalesce(u.sessionEpoch, 0) + 1
RETURN u.name AS name, u.sessionEpoch AS sessionEpoch
