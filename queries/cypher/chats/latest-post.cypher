// The newest post among the candidate tags: "now" for the data, to tell a stopped chat.
UNWIND $tags AS tag
MATCH (:Hashtag {tag: tag})<-[:TAGGED]-(p:Post)
RETURN max(p.createdAt) AS latest
