// Where each page of accounts starts (every $pageSize-th id in id order), so pages can be read in
// parallel as id ranges.
MATCH (a:Account)
WITH a.id AS id ORDER BY id ASC
WITH collect(id) AS ids
UNWIND range(0, size(ids) - 1, $pageSize) AS i
RETURN ids[i] AS start
