UPDATE profiles SET bio_html = :bioHtml, location = :location, links = :links, skills = :skills,
                    open_to_work = :openToWork, locked = :locked, no_ai_default = :noAiDefault,
                    avatar_media_id = :avatarId, banner_media_id = :bannerId, updated_at = :now
WHERE account_id = :accountId
