MATCH (c:Contact {accountId: $accountId})
RETURN c {.id, .accountId, .at, .channel, .note, .outcome, .by, .createdAt, .purgedAt, .updatedAt,
          .updatedBy} AS contact
ORDER BY c.at DESC, c.createdAt DESC
LIMIT $limit
