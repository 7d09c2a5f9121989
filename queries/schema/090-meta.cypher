// Bookkeeping: a single marker node whose key tells tests and tools which database this is.
CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:CarecircleMeta) REQUIRE m.key IS UNIQUE;
