// Adds the weights of the interactions this batch created to the per-pair INTERACTS summary the
// analysis reads. Only new relationships are sent, in the same transaction that creates them, so an
// INTERACTS weight always equals the sum over the relationships that exist.
UNWIND $pairs AS p
MATCH (a:Account {id: p.a})
MATCH (b:Account {id: p.b})
MERGE (a)-[i:INTERACTS]->(b)
SET i.mention = coalesce(i.mention, 0) + p.mention,
    i.reply = coalesce(i.reply, 0) + p.reply,
    i.repost = coalesce(i.repost, 0) + p.repost,
    i.quote = coalesce(i.quote, 0) + p.quote,
    i.follow = coalesce(i.follow, 0) + p.follow,
    i.total = coalesce(i.total, 0) + p.mention + p.reply + p.repost + p.quote + p.follow
