SELECT <counter> FROM posts WHERE id = :postId FOR UPDATE
