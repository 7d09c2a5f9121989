MATCH (f:CalendarFeed {hash: $hash})
MATCH (u:User {name: f.user})
RETURN u.name AS user, f.createdAt AS createdAt
