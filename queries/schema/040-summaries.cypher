// What analysis stores for the read paths (queries/analysis/summaries.ts): the aggregated view reads
// the largest communities and the hashtag view the most used hashtags in index order, never a sort.
CREATE INDEX community_size IF NOT EXISTS FOR (c:Community) ON (c.size);
CREATE INDEX hashtag_posts IF NOT EXISTS FOR (h:Hashtag) ON (h.posts);
