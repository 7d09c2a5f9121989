// The page cache size the Neo4j server was started with, for the bench's report.
SHOW SETTINGS YIELD name, value
WHERE name = 'server.memory.pagecache.size'
RETURN value AS pagecache
