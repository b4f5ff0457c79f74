-- before an edited post is fanned out again: the entries it has as itself (reposts stay)
DELETE FROM home_entries WHERE post_id = :postId AND reposter_id IS NULL
