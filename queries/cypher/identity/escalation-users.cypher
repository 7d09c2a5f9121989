MATCH (u:User)
WHERE u.escalation = true
RETURN u.name AS name
ORDER BY name
LIMIT 200
