MATCH (c:Contact {id: $id})
RETURN c {.id, .accountId, .note, .outcome, .purgedAt} AS contact
