// Deletes one contact. The audit log keeps that it existed (by reference and hash, not its text).
MATCH (c:Contact {id: $id})
DELETE c
RETURN count(*) AS deleted
