// A chat's specialties: those of its tag, then the ones most of its regulars share.
MATCH (x:Chat)
CALL (x) {
  OPTIONAL MATCH (a:Account)-[r:ATTENDS]->(x)
  WHERE r.regular
  UNWIND coalesce(a.specialties[0..2], []) AS s
  WITH s, count(*) AS n
  ORDER BY n DESC, s
  LIMIT 3
  RETURN collect(s) AS top
}
SET x.specialties = reduce(acc = x.specialties, s IN top | CASE WHEN s IN acc THEN acc ELSE acc + s END)
