// The social graph (DESIGN.md "Graph model"). Applied at every start; IF NOT EXISTS makes it idempotent.
CREATE CONSTRAINT account_id IF NOT EXISTS FOR (a:Account) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (p:Post) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT hashtag_tag IF NOT EXISTS FOR (h:Hashtag) REQUIRE h.tag IS UNIQUE;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (c:Community) REQUIRE c.id IS UNIQUE;
CREATE INDEX account_handle IF NOT EXISTS FOR (a:Account) ON (a.handleLower);
CREATE INDEX account_platform IF NOT EXISTS FOR (a:Account) ON (a.platform);
CREATE INDEX account_community IF NOT EXISTS FOR (a:Account) ON (a.community);
CREATE INDEX account_score IF NOT EXISTS FOR (a:Account) ON (a.score);
// Post.createdAt is indexed in 040-topics.cypher: time-window rankings seek posts by it.
