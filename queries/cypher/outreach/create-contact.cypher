CREATE (c:Contact {id: $id, accountId: $accountId, at: $at, channel: $channel, note: $note,
                   outcome: $outcome, by: $actor, createdAt: $now})
RETURN c {.id, .accountId, .at, .channel, .note, .outcome, .by, .createdAt} AS contact
