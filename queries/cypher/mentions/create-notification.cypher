CREATE (n:Notification {id: $id, user: $user, postId: $postId, reason: $reason, at: $at, readAt: null})
RETURN n {.*} AS notification
