// What analysis stores for the read paths (queries/analysis/summaries.ts): the aggregated view reads
// the largest communities and the hashtag view the most used hashtags in index order, never a sort;
// the aggregated view of a time window reads its days (ActivityDay) by an index range on the day.
CREATE INDEX community_size IF NOT EXISTS FOR (c:Community) ON (c.size);
CREATE INDEX hashtag_posts IF NOT EXISTS FOR (h:Hashtag) ON (h.posts);
CREATE INDEX activity_day IF NOT EXISTS FOR (d:ActivityDay) ON (d.day);
