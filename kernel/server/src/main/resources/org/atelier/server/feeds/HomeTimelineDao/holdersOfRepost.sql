-- the viewers whose entry for the post is this account's repost (ix_home_entries_post)
SELECT viewer_id FROM home_entries WHERE post_id = :postId AND reposter_id = :reposterId
