// The $limit largest communities of the last analysis run (community_size index order).
MATCH (c:Community)
WHERE c.size IS NOT NULL
WITH c ORDER BY c.size DESC, c.id ASC
LIMIT $limit
RETURN c.id AS id, c.size AS size, c.label AS label, coalesce(c.topHashtags, []) AS topHashtags,
       coalesce(c.topAccounts, []) AS topAccounts, c.modularity AS modularity, c.stability AS stability,
       c.runId AS runId
