// Accounts with the final property values the loader decided from the stored ones and the batch's
// (newest non-empty value wins, see ingest/accounts.ts). Written explicitly, key by key: no reads here.
UNWIND $accounts AS a
MERGE (x:Account {id: a.id})
SET x.platform = a.platform, x.handle = a.handle, x.handleLower = a.handleLower, x.name = a.name,
    x.bio = a.bio, x.location = a.location, x.followers = a.followers, x.following = a.following,
    x.verified = a.verified, x.url = a.url, x.observedAt = a.observedAt
