// Writes a mention's triage fields as decided by queries/mentions.ts (state, owner, clock, reply).
MATCH (m:Mention {postId: $postId})
SET m.state = $state, m.owner = $owner, m.dueAt = $dueAt, m.reason = $reason, m.draft = $draft,
    m.firstResponseAt = $firstResponseAt, m.sentText = $sentText, m.sentUrl = $sentUrl,
    m.sentBy = $sentBy, m.sentAt = $sentAt, m.updatedAt = $now, m.updatedBy = $actor
RETURN m.postId AS postId
