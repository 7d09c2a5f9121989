MATCH (m:Mention)
RETURN m.postId AS postId
LIMIT 1
