// Tags with enough posts to hold a few chat sessions, busiest first; the degree count reads no posts.
MATCH (h:Hashtag)
WITH h, COUNT { (h)<-[:TAGGED]-(:Post) } AS posts
WHERE posts >= $minPosts
RETURN h.tag AS tag, posts
ORDER BY posts DESC, tag
LIMIT $limit
