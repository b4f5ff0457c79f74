INSERT INTO media (public_id, owner_id, format, width, height, frame_count, original_key, original_bytes, alt_text,
                   focal_x, focal_y, thumbnail_crop, cover_crop, created_at, state, progress)
VALUES (:publicId, :ownerId, :format, :width, :height, :frameCount, :originalKey, :originalBytes, :altText,
        :focalX, :focalY, :thumbnailCrop, :coverCrop, :createdAt, 'processing', 0)
