// The cues behind complaints since $fromWeek, most frequent first.
MATCH (m:Mention)
WHERE m.week >= $fromWeek AND m.category = 'complaint'
UNWIND m.cues AS theme
WITH theme, count(*) AS count
WHERE theme <> 'sarcasm'
RETURN theme, count
ORDER BY count DESC, theme
LIMIT 10
