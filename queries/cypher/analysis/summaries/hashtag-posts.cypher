// How many posts carry each hashtag (the TAGGED degree: no post is read), for the hashtag view.
MATCH (h:Hashtag)
CALL (h) {
  SET h.posts = COUNT { (h)<-[:TAGGED]-() }
} IN TRANSACTIONS OF 5000 ROWS
