// One contact, for an edit or a delete: who wrote it decides who may change it.
MATCH (c:Contact {id: $id})
RETURN c {.id, .accountId, .at, .channel, .note, .outcome, .by, .createdAt, .purgedAt, .updatedAt,
          .updatedBy} AS contact
