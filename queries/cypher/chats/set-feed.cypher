// One calendar feed per user: a new token replaces the old one. Only the token's hash is stored.
MATCH (u:User {name: $user})
MERGE (f:CalendarFeed {user: $user})
SET f.hash = $hash, f.createdAt = $now
RETURN f.createdAt AS createdAt
