SELECT post_id, url AS item FROM post_embeds WHERE post_id IN (<postIds>) ORDER BY post_id, position
