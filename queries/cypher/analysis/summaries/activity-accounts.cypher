// Every account's id and community, numbering the accounts for the day bitsets (activity-days.ts).
// Batch work: one row per account, read once per analysis.
MATCH (a:Account)
RETURN a.id AS id, a.community AS community
