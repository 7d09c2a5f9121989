// The accounts in id order, cut into pages of $pageSize: the first and last id of each page, so pages
// can be read in parallel as closed id ranges (an index seek bounded at both ends; an open upper end
// made every page scan the index to its end).
MATCH (a:Account)
WITH a.id AS id ORDER BY id ASC
WITH collect(id) AS ids
UNWIND range(0, size(ids) - 1, $pageSize) AS i
RETURN ids[i] AS first, ids[CASE WHEN i + $pageSize > size(ids) THEN size(ids) ELSE i + $pageSize END - 1] AS last
