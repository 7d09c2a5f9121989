// What `ingest --bulk` refuses to overwrite: any social or server record, or any relationship at all.
RETURN EXISTS {
    MATCH (n)
    WHERE n:Account OR n:Post OR n:Hashtag OR n:User OR n:Relationship OR n:Contact OR n:AuditEntry
  } AS records,
  EXISTS { MATCH ()-[]->() } AS relationships
