// A new watch; the id's uniqueness constraint refuses a second one with the same id.
CREATE (w:Watch {
  id: $id, platform: $platform, kind: $kind, target: $target, baseUrl: $baseUrl,
  intervalMinutes: $intervalMinutes, since: $since, until: $until, paused: false,
  createdAt: $now, nextRunAt: $now
})
RETURN w.id AS id
