MATCH (f:CalendarFeed {user: $user})
DELETE f
RETURN count(*) AS removed
