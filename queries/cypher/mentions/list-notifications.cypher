// A user's escalation notices, unread first, newest first.
MATCH (n:Notification {user: $user})
RETURN n {.*} AS notification
ORDER BY n.readAt IS NULL DESC, n.at DESC
LIMIT $limit
