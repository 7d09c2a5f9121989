// Drops the previous run's community-to-community weights (at most communities × the kept links each).
MATCH (:Community)-[l:LINKS]->(:Community)
DELETE l
