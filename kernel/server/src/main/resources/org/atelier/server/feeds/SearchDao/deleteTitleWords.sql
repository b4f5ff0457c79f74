DELETE FROM post_title_words WHERE post_id = :postId
