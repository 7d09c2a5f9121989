// Whether a user is told at once about clinical-safety mentions.
MATCH (u:User {name: $name})
WITH u, coalesce(u.escalation, false) AS before
SET u.escalation = $on
RETURN u.name AS name, before, u.escalation AS escalation
