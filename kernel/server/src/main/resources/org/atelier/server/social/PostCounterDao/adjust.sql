UPDATE posts SET <counter> = <counter> + :delta WHERE id = :postId
