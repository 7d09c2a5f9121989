// The nodes an empty database still holds (the CarecircleMeta marker, counters): `ingest --bulk`
// replaces the whole store, so it notes them first and creates them again afterwards. Integer-ness is
// kept apart because JSON, where they wait, has one number type.
MATCH (n)
RETURN labels(n) AS labels,
  [k IN keys(n) | {key: k, value: n[k], integer: valueType(n[k]) STARTS WITH 'INTEGER'}] AS properties
