MATCH (c:Contact {accountId: $accountId})
RETURN count(c) AS contacts
