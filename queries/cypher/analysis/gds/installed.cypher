// Whether Neo4j Graph Data Science is installed on the connected server: its procedures are there.
SHOW PROCEDURES YIELD name
WHERE name STARTS WITH $prefix
RETURN count(name) AS procedures
