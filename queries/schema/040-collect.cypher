// Collectors (collect/): saved watches and their run history.
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (w:Watch) REQUIRE w.id IS UNIQUE;
CREATE CONSTRAINT watch_run_id IF NOT EXISTS FOR (r:WatchRun) REQUIRE r.id IS UNIQUE;
