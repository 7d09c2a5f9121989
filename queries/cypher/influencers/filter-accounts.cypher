// Which of $ids (the accounts a window ranking in a topic found, queries/topic-window.ts) have the role
// and region asked for ($role, $region; null: any), as influencers/window-topic.cypher filters them:
// the role staff may have corrected and the region are read now, not kept with the topic's logs.
UNWIND $ids AS id
MATCH (a:Account {id: id})
WHERE ($role IS NULL OR coalesce(a.roleOverride, a.role) = $role)
  AND ($region IS NULL OR toLower(a.placeRegion) = toLower($region))
RETURN a.id AS id
