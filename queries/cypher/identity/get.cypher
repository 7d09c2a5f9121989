// The organisation's identity, stored as one JSON document (lists and SLA targets).
MATCH (i:Identity {key: 'org'})
RETURN i.json AS json
