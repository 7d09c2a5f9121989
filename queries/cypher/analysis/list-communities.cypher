// Every community of the last analysis run, largest first.
MATCH (c:Community)
RETURN c.id AS id, c.size AS size, c.label AS label, coalesce(c.topHashtags, []) AS topHashtags,
       coalesce(c.topAccounts, []) AS topAccounts, c.modularity AS modularity, c.stability AS stability, c.runId AS runId
ORDER BY c.size DESC, c.id ASC
