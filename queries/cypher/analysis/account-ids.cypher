// The `id` of accounts the projection met only as interaction targets (by internal node id), because
// they were created in a range that had already been read. Accounts deleted meanwhile return nothing.
UNWIND $nodes AS node
MATCH (a:Account)
WHERE id(a) = toInteger(node)
RETURN node, a.id AS id, a.handle AS handle
