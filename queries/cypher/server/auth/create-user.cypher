CREATE (u:User {name: $name, role: $role, passwordHash: $passwordHash, createdAt: $now, updatedAt: $now})
RETURN u.name AS name, u.role AS role, u.createdAt AS createdAt
