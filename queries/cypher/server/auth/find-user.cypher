MATCH (u:User {name: $name})
RETURN u.name AS name, u.role AS role, u.passwordHash AS passwordHash
