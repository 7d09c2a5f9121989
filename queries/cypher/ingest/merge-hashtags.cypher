// The batch's distinct hashtags.
UNWIND $tags AS tag
MERGE (:Hashtag {tag: tag})
