// A user follows a chat (kept apart from the Chat node, which each analysis rebuilds).
MERGE (f:ChatFollow {user: $user, tag: $tag})
ON CREATE SET f.createdAt = $now
RETURN f.createdAt AS createdAt
