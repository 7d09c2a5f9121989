MATCH (f:ChatFollow {user: $user, tag: $tag})
DELETE f
RETURN count(*) AS removed
