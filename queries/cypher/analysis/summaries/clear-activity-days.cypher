// Drops the previous run's days (one node per day with posts).
MATCH (d:ActivityDay)
DELETE d
