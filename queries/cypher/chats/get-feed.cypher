MATCH (f:CalendarFeed {user: $user})
RETURN f.createdAt AS createdAt
