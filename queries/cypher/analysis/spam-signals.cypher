// What the spam and bot flags look at for one range of accounts ($first to $last): the profile's
// follower counts and bio, and how many posts it wrote (a degree count, no post is read).
MATCH (a:Account)
WHERE a.id >= $first AND a.id <= $last
RETURN a.id AS id, a.followers AS followers, a.following AS following, a.bio AS bio,
       COUNT { (a)-[:POSTED]->(:Post) } AS posts
