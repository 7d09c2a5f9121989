// Marks the inbox as changed, in the transaction of every write to mentions (queries/mentions.ts):
// the server's inbox cache (server/listening/inbox-cache.ts) keys its answers on this token, so a
// change made by any process shows at the next request.
MERGE (v:CarecircleMeta {key: 'inbox'})
SET v.version = randomUUID()
