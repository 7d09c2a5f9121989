// What the server's inbox cache keys its answers on: the token every mention write changes
// (touch-inbox) and the number of mentions, from the count store, which also moves when mentions are
// deleted outside queries/mentions.ts (`reset`, a test's clean-up). Two index or count-store reads.
OPTIONAL MATCH (v:CarecircleMeta {key: 'inbox'})
CALL () {
  MATCH (m:Mention)
  RETURN count(m) AS mentions
}
RETURN v.version AS version, mentions
