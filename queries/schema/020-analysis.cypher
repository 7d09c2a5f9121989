// What analysis writes and what the influencer ranking filters on.
CREATE CONSTRAINT analysis_run_id IF NOT EXISTS FOR (r:AnalysisRun) REQUIRE r.id IS UNIQUE;
CREATE INDEX analysis_run_at IF NOT EXISTS FOR (r:AnalysisRun) ON (r.at);
CREATE INDEX account_role IF NOT EXISTS FOR (a:Account) ON (a.role);
CREATE INDEX account_place_region IF NOT EXISTS FOR (a:Account) ON (a.placeRegion);
// "Near a place" counts the accounts in a band of latitude first (influencers/global-count-near).
CREATE INDEX account_lat IF NOT EXISTS FOR (a:Account) ON (a.lat);
CREATE INDEX hashtag_topic IF NOT EXISTS FOR (h:Hashtag) ON (h.topic);
// Hashtag chats, rebuilt by each run (who follows a chat is a server record, in 030-server).
CREATE CONSTRAINT chat_tag IF NOT EXISTS FOR (c:Chat) REQUIRE c.tag IS UNIQUE;
