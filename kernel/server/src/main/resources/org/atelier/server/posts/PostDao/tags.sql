SELECT post_id, tag AS item FROM post_tags WHERE post_id IN (<postIds>) ORDER BY post_id, tag
