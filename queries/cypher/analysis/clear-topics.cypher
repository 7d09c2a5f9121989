// Hashtags that no longer co-occur with anything lose their previous topic.
MATCH (h:Hashtag) WHERE h.topic IS NOT NULL AND NOT h.tag IN $tags
REMOVE h.topic
