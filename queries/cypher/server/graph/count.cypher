// How many accounts the requested view holds, and how many communities exist.
CALL () {
  MATCH (a:Account) WHERE $community IS NULL OR a.community = $community
  RETURN count(a) AS accounts
}
CALL () {
  MATCH (a:Account) WHERE a.community IS NOT NULL
  RETURN count(DISTINCT a.community) AS communities
}
RETURN accounts, communities
