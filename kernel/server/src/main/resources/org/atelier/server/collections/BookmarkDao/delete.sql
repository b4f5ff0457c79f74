-- by public id and whatever the post's visibility now: a bookmark can always be taken away
DELETE FROM bookmarks
WHERE account_id = :accountId AND post_id = (SELECT p.id FROM posts p WHERE p.public_id = :postPublicId)
