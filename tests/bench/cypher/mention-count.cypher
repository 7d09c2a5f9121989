// How many mentions the inbox holds (the count store, no scan).
MATCH (m:Mention)
RETURN count(m) AS mentions
