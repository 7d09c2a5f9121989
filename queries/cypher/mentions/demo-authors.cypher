// Demo: accounts to write the planted posts, most followed first (so the amplifiers are influencers).
MATCH (a:Account)
WHERE a.followers IS NOT NULL AND a.role <> 'hospital'
RETURN a.id AS id, a.handle AS handle
ORDER BY a.followers DESC, a.id
LIMIT $limit
