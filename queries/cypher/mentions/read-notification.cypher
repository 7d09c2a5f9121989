MATCH (n:Notification {id: $id, user: $user})
SET n.readAt = coalesce(n.readAt, $now)
RETURN n {.*} AS notification
