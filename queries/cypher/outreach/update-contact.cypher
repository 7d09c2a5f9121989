// Saves an edited contact (every field given; the caller merged what was left out).
MATCH (c:Contact {id: $id})
SET c.at = $at, c.channel = $channel, c.note = $note, c.outcome = $outcome, c.updatedAt = $now,
    c.updatedBy = $actor
RETURN c {.id, .accountId, .at, .channel, .note, .outcome, .by, .createdAt, .purgedAt, .updatedAt,
          .updatedBy} AS contact
