// The stored days of a time window for the aggregated view (queries/analysis/activity-days.ts): the
// activity_day index range on the day, at most $limit days (the caller asks one more than it will
// use, so a longer window is seen and read live instead). Per asked type, in $types order: the
// day's bitset of active accounts and its weights between the community pairs.
MATCH (d:ActivityDay)
WHERE d.day >= $fromDay AND d.day < $toDay
WITH d ORDER BY d.day
LIMIT $limit
RETURN d.sources AS sources, d.targets AS targets, [k IN $activeKeys | d[k]] AS active,
       [k IN $weightKeys | d[k]] AS weights
