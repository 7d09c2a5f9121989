// What happened with one account, newest first, from three sources each bounded by $limit: the
// relationship changes in the audit log (stage and next step; audit_target index), the contact log
// (contact_account index) and the posts of the account that named the organisation (mention_author
// index). The caller merges them by time and keeps the newest $limit.
CALL () {
  MATCH (e:AuditEntry {target: 'account:' + $accountId})
  WHERE e.action IN ['relationship.create', 'relationship.update']
  WITH e ORDER BY e.seq DESC LIMIT $limit
  RETURN collect(e {.seq, .at, .actor, .action, .before, .after}) AS changes
}
CALL () {
  MATCH (c:Contact {accountId: $accountId})
  WITH c ORDER BY c.at DESC, c.createdAt DESC LIMIT $limit
  RETURN collect(c {.id, .at, .channel, .note, .outcome, .by}) AS contacts
}
CALL () {
  MATCH (m:Mention {authorId: $accountId})
  WITH m ORDER BY m.createdAt DESC, m.postId LIMIT $limit
  RETURN collect(m {.postId, .createdAt, .receivedAt, .text, .url, .category, .sentiment, .state}) AS mentions
}
RETURN changes, contacts, mentions
