// The JVM heap of the Neo4j server (bytes used and the maximum), for the bench's report.
CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes
RETURN attributes.HeapMemoryUsage AS heap
