// Deletes the rest of the social graph, keeping users, outreach records and the audit log. Accounts
// can hold many relationships, so batches are small enough for the transaction memory limit.
MATCH (n)
WHERE n:Account OR n:Post OR n:Hashtag OR n:Community OR n:AnalysisRun OR n:Chat OR n:ActivityDay
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 500 ROWS
