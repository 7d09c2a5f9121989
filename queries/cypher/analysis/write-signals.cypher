// Spam flag and local reach of one batch of accounts, column by column: row i is ($id[i], …).
UNWIND range(0, size($id) - 1) AS i
MATCH (a:Account {id: $id[i]})
SET a.spamFlag = $spamFlag[i], a.localReach = $localReach[i]
