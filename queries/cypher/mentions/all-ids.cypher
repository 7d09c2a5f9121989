// One page of mention ids, for refreshing reach after a full scan.
MATCH (m:Mention)
WHERE m.postId > $after
RETURN m.postId AS postId
ORDER BY m.postId
LIMIT $limit
