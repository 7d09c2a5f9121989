// The scores of one topic, removed before a request writes it again (on-request topics only).
MATCH (t:Topic {key: $key})<-[r:TOPIC_SCORE]-()
DELETE r
