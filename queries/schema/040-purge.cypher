// Purges look up the audit entries of one account.
CREATE INDEX audit_target IF NOT EXISTS FOR (e:AuditEntry) ON (e.target);
