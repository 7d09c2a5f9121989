MATCH (u:User {name: $name})
DETACH DELETE u
RETURN count(*) AS deleted
