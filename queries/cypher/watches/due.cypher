// Watches whose next run time has come and that nobody is running.
MATCH (w:Watch)
WHERE NOT w.paused AND w.nextRunAt <= $now AND (w.leaseUntil IS NULL OR w.leaseUntil < $nowMs)
RETURN w.id AS id
ORDER BY w.nextRunAt
LIMIT $limit
