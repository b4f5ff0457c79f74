INSERT INTO profiles (account_id, bio_html, location, links, skills, open_to_work, locked, no_ai_default,
                      avatar_media_id, banner_media_id, updated_at)
VALUES (:accountId, :bioHtml, :location, :links, :skills, :openToWork, :locked, :noAiDefault, :avatarId, :bannerId,
        :now)
