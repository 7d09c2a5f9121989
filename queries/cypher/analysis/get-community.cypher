// One community with its top accounts' handles and scores.
MATCH (c:Community {id: $id})
CALL (c) {
  UNWIND range(0, size(coalesce(c.topAccounts, [])) - 1) AS i
  MATCH (a:Account {id: c.topAccounts[i]})
  WITH i, a ORDER BY i
  RETURN collect({accountId: a.id, handle: a.handle, score: a.score}) AS members
}
RETURN c.id AS id, c.size AS size, c.label AS label, coalesce(c.topHashtags, []) AS topHashtags,
       coalesce(c.topAccounts, []) AS topAccounts, c.modularity AS modularity, c.stability AS stability, c.runId AS runId,
       members AS topAccountDetails
