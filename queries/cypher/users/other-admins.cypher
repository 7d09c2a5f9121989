// Enabled admins other than this user: the last one may not be demoted, disabled or deleted.
MATCH (u:User {role: 'admin'})
WHERE u.name <> $name AND coalesce(u.disabled, false) = false
RETURN count(u) AS n
