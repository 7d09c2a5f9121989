// The $limit most used hashtags (summed USED counts), whose topic scores analysis writes ahead of time.
MATCH (h:Hashtag)<-[u:USED]-(:Account)
WITH h.tag AS tag, sum(coalesce(u.count, 1)) AS uses
ORDER BY uses DESC, tag ASC
LIMIT $limit
RETURN tag, uses
