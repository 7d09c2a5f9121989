// How many accounts, communities and stored activity days (queries/analysis/activity-days.ts) the
// graph holds: all from Neo4j's count store (no node is read).
CALL () {
  MATCH (a:Account)
  RETURN count(a) AS accounts
}
CALL () {
  MATCH (c:Community)
  RETURN count(c) AS communities
}
CALL () {
  MATCH (d:ActivityDay)
  RETURN count(d) AS activityDays
}
RETURN accounts, communities, activityDays
