// Posts the loader found missing in this transaction (existing-posts), with their authors.
UNWIND $posts AS p
MATCH (a:Account {id: p.author})
CREATE (a)-[:POSTED]->(:Post {id: p.id, platform: p.platform, createdAt: p.createdAt, text: p.text, lang: p.lang, url: p.url})
