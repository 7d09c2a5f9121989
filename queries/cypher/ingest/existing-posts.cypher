// Which of the batch's posts exist already.
UNWIND $ids AS id
MATCH (x:Post {id: id})
RETURN x.id AS id
