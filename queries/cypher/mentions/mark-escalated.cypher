MATCH (m:Mention {postId: $postId})
SET m.escalated = true
