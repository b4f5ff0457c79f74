-- public posts whose titles hold every query word, newest first: the range of the rarest-looking
-- word (:w0, the longest) in ix_post_title_words_word, each other word checked per post (an empty one
-- is no condition)
SELECT w.post_id AS id, w.published_at AS at FROM post_title_words w JOIN posts p ON p.id = w.post_id
WHERE w.word = :w0
  AND (w.published_at < :at OR (w.published_at = :at AND w.post_id < :id))
  AND (:w1 = '' OR EXISTS (SELECT 1 FROM post_title_words w1 WHERE w1.post_id = w.post_id AND w1.word = :w1))
  AND (:w2 = '' OR EXISTS (SELECT 1 FROM post_title_words w2 WHERE w2.post_id = w.post_id AND w2.word = :w2))
  AND (:w3 = '' OR EXISTS (SELECT 1 FROM post_title_words w3 WHERE w3.post_id = w.post_id AND w3.word = :w3))
  AND p.visibility = 'public' AND (<postVisible>)
  AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = :viewerId AND m.target_id = p.author_id)
ORDER BY w.published_at DESC, w.post_id DESC
LIMIT :limit
