MATCH (u:User {name: $name})
RETURN u.name AS name, coalesce(u.escalation, false) AS escalation
