// Every voice of one stored topic ($key) with its log (TOPIC_SCORE's `log` bytes and `logW`: VoiceLog
// in queries/analysis/topics-influence.ts) and what a window ranking filters and sorts on: the place,
// global score, local reach, community and spam flag, all written by analysis except the place.
// queries/topic-window.ts reads it once per topic and run; bounded by the topic's voices.
MATCH (:Topic {key: $key})<-[ts:TOPIC_SCORE]-(a:Account)
WHERE ts.log IS NOT NULL
RETURN a.id AS id, a.lat AS lat, a.lon AS lon, coalesce(a.score, 0.0) AS score,
       toFloat(a.localReach) AS localReach, a.community AS community, a.spamFlag IS NOT NULL AS flagged,
       ts.log AS log, ts.logW AS w
