-- a placeholder keeps the thread together but nothing of what was written
UPDATE comments SET deleted = TRUE, body = '', body_html = '' WHERE id = :id AND deleted = FALSE
