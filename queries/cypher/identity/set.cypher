MERGE (i:Identity {key: 'org'})
SET i.json = $json, i.updatedAt = $now, i.updatedBy = $actor
RETURN i.json AS json
