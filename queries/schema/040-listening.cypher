// Listening (issue 18): the organisation's identity, the mentions inbox and escalation notices. Server
// records like outreach: `reset` of the social graph keeps them.
CREATE CONSTRAINT identity_key IF NOT EXISTS FOR (i:Identity) REQUIRE i.key IS UNIQUE;
CREATE CONSTRAINT mention_post IF NOT EXISTS FOR (m:Mention) REQUIRE m.postId IS UNIQUE;
// The inbox reads open mentions by due time (overdue first) and the rest by arrival, newest first.
// Each order index ends with postId, the tie-breaker: mentions found by one scan or one collector
// page share their arrival (and so their due) time, and an index without it would leave every tie
// to be sorted, which at 100k mentions from one scan is all of them.
CREATE INDEX mention_due_post IF NOT EXISTS FOR (m:Mention) ON (m.dueAt, m.postId);
CREATE INDEX mention_received_post IF NOT EXISTS FOR (m:Mention) ON (m.receivedAt, m.postId);
CREATE INDEX mention_owner IF NOT EXISTS FOR (m:Mention) ON (m.owner);
// "My queue" and one category, in either order, without walking the other mentions (the equality on
// the first property leaves the index in the order of the others).
CREATE INDEX mention_owner_due_post IF NOT EXISTS FOR (m:Mention) ON (m.owner, m.dueAt, m.postId);
CREATE INDEX mention_category_due_post IF NOT EXISTS FOR (m:Mention) ON (m.category, m.dueAt, m.postId);
CREATE INDEX mention_owner_received_post IF NOT EXISTS FOR (m:Mention) ON (m.owner, m.receivedAt, m.postId);
CREATE INDEX mention_category_received_post IF NOT EXISTS
FOR (m:Mention) ON (m.category, m.receivedAt, m.postId);
CREATE INDEX mention_author IF NOT EXISTS FOR (m:Mention) ON (m.authorId);
CREATE INDEX mention_week IF NOT EXISTS FOR (m:Mention) ON (m.week);
CREATE CONSTRAINT notification_id IF NOT EXISTS FOR (n:Notification) REQUIRE n.id IS UNIQUE;
CREATE INDEX notification_user IF NOT EXISTS FOR (n:Notification) ON (n.user);
CREATE INDEX notification_post IF NOT EXISTS FOR (n:Notification) ON (n.postId);
// The order indexes before postId ended them (a graph from before keeps working; these only cost writes).
DROP INDEX mention_due IF EXISTS;
DROP INDEX mention_received IF EXISTS;
DROP INDEX mention_owner_due IF EXISTS;
DROP INDEX mention_category_due IF EXISTS;
DROP INDEX mention_owner_received IF EXISTS;
DROP INDEX mention_category_received IF EXISTS;
