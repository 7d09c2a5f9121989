// Volume, sentiment and categories per ISO week since $fromWeek (the week index bounds the read).
MATCH (m:Mention)
WHERE m.week >= $fromWeek
RETURN m.week AS week, m.sentiment AS sentiment, m.category AS category, count(*) AS n
ORDER BY week
