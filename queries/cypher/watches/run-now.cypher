// Makes a watch due now (the scheduler picks it up on its next tick).
MATCH (w:Watch {id: $id})
SET w.nextRunAt = $now
RETURN w.id AS id
