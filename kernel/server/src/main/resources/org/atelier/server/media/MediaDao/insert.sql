INSERT INTO media (public_id, owner_id, format, width, height, frame_count, original_key, original_bytes, blurhash,
                   alt_text, focal_x, focal_y, thumbnail_crop, cover_crop, provenance, created_at)
VALUES (:publicId, :ownerId, :format, :width, :height, :frameCount, :originalKey, :originalBytes, :blurhash,
        :altText, :focalX, :focalY, :thumbnailCrop, :coverCrop, :provenance, :createdAt)
