// The stored topic for a key, if the latest analysis run (or a request since) scored it.
MATCH (t:Topic {key: $key})
RETURN t.key AS key, t.runId AS runId, t.voices AS voices, coalesce(t.logged, false) AS logged
