// The social graph (DESIGN.md "Graph model"). Applied at every start; IF NOT EXISTS makes it idempotent.
CREATE CONSTRAINT account_id IF NOT EXISTS FOR (a:Account) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (p:Post) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT hashtag_tag IF NOT EXISTS FOR (h:Hashtag) REQUIRE h.tag IS UNIQUE;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (c:Community) REQUIRE c.id IS UNIQUE;
CREATE INDEX account_handle IF NOT EXISTS FOR (a:Account) ON (a.handleLower);
CREATE INDEX account_platform IF NOT EXISTS FOR (a:Account) ON (a.platform);
CREATE INDEX account_community IF NOT EXISTS FOR (a:Account) ON (a.community);
CREATE INDEX account_score IF NOT EXISTS FOR (a:Account) ON (a.score);
// Posts are only ever ordered by time after expanding one account's POSTED links, which no index
// serves; an index on every post's createdAt cost each post write, and --bulk ~1.5 s a million posts.
DROP INDEX post_created IF EXISTS;
