DELETE FROM notifications WHERE comment_id = :commentId
