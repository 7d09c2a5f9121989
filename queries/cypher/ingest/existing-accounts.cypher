// The stored view of the batch's accounts, so the loader can apply "newest non-empty value wins" and
// tell a changed account from a duplicate before writing (reads first: the writes need no Eager).
UNWIND $ids AS id
MATCH (x:Account {id: id})
RETURN x.id AS id, x.handle AS handle, x.name AS name, x.bio AS bio, x.location AS location,
  x.followers AS followers, x.following AS following, x.verified AS verified, x.url AS url,
  x.observedAt AS observedAt
