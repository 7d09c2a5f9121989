// Server records (users, outreach, audit). Separate labels so `reset` of the social graph keeps them.
CREATE CONSTRAINT user_name IF NOT EXISTS FOR (u:User) REQUIRE u.name IS UNIQUE;
CREATE CONSTRAINT relationship_account IF NOT EXISTS FOR (r:Relationship) REQUIRE r.accountId IS UNIQUE;
CREATE CONSTRAINT contact_id IF NOT EXISTS FOR (c:Contact) REQUIRE c.id IS UNIQUE;
CREATE INDEX contact_account IF NOT EXISTS FOR (c:Contact) ON (c.accountId);
CREATE CONSTRAINT audit_id IF NOT EXISTS FOR (e:AuditEntry) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT audit_seq IF NOT EXISTS FOR (e:AuditEntry) REQUIRE e.seq IS UNIQUE;
CREATE INDEX relationship_stage IF NOT EXISTS FOR (r:Relationship) ON (r.stage);
CREATE INDEX relationship_owner IF NOT EXISTS FOR (r:Relationship) ON (r.owner);
CREATE CONSTRAINT audit_counter IF NOT EXISTS FOR (c:AuditCounter) REQUIRE c.key IS UNIQUE;
CREATE INDEX chat_follow_user IF NOT EXISTS FOR (f:ChatFollow) ON (f.user);
CREATE CONSTRAINT calendar_feed_hash IF NOT EXISTS FOR (f:CalendarFeed) REQUIRE f.hash IS UNIQUE;
CREATE CONSTRAINT calendar_feed_user IF NOT EXISTS FOR (f:CalendarFeed) REQUIRE f.user IS UNIQUE;
