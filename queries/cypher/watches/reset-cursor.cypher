// Forgets where a watch is, so its next run collects from the start again.
MATCH (w:Watch {id: $id})
SET w.cursor = null, w.page = null
RETURN w.id AS id
