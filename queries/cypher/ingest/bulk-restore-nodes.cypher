// The nodes noted by bulk-kept-nodes, created again in the imported store.
UNWIND $nodes AS n
CREATE (x:$(n.labels))
SET x = n.properties
