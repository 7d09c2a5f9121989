// Topic influence (queries/analysis/topics-influence.ts) and time windows (queries/influencers.ts).
CREATE CONSTRAINT topic_key IF NOT EXISTS FOR (t:Topic) REQUIRE t.key IS UNIQUE;
// Time-window rankings seek the posts of a window by createdAt (ISO strings compare in time order).
CREATE INDEX post_created IF NOT EXISTS FOR (p:Post) ON (p.createdAt);
