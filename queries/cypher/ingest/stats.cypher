// DESIGN.md's `stats`: node and relationship counts (answered from the count store).
CALL () { MATCH (a:Account) RETURN count(a) AS accounts }
CALL () { MATCH (h:Hashtag) RETURN count(h) AS hashtags }
CALL () { MATCH (p:Post) RETURN count(p) AS posts }
CALL () { MATCH ()-[r:MENTIONS]->() RETURN count(r) AS mention }
CALL () { MATCH ()-[r:REPLIES_TO]->() RETURN count(r) AS reply }
CALL () { MATCH ()-[r:REPOSTS]->() RETURN count(r) AS repost }
CALL () { MATCH ()-[r:QUOTES]->() RETURN count(r) AS quote }
CALL () { MATCH ()-[r:FOLLOWS]->() RETURN count(r) AS follow }
RETURN accounts, hashtags, posts, mention, reply, repost, quote, follow
