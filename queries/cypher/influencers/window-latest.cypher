// The newest post's time: where a window without an end ("rising" with no dates) stops.
MATCH (p:Post) WHERE p.createdAt IS NOT NULL
RETURN p.createdAt AS at
ORDER BY p.createdAt DESC
LIMIT 1
