// The note (and, when asked, the outcome) is replaced by the tombstone; the contact itself stays so
// the log still shows that a contact happened, when and through which channel.
MATCH (c:Contact {id: $id})
SET c.note = $note, c.outcome = $outcome, c.purgedAt = $now, c.purgedBy = $actor
RETURN c {.id, .accountId, .at, .channel, .note, .outcome, .by, .createdAt, .purgedAt} AS contact
