MATCH (u:User {name: $name})
RETURN coalesce(u.disabled, false) AS disabled
LIMIT 1
