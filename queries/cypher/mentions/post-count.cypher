// How many posts a full scan will read (the count store, no scan).
MATCH (p:Post)
RETURN count(p) AS posts
