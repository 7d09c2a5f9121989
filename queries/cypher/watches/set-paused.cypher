// Pauses or resumes a watch; resuming makes it due at once.
MATCH (w:Watch {id: $id})
SET w.paused = $paused, w.nextRunAt = CASE WHEN $paused THEN w.nextRunAt ELSE $now END
RETURN w.id AS id
