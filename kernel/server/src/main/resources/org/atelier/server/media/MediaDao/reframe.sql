UPDATE media SET focal_x = :focalX, focal_y = :focalY, thumbnail_crop = :thumbnailCrop, cover_crop = :coverCrop,
                 state = 'processing', progress = 0, error = NULL, render_revision = render_revision + 1
WHERE id = :id AND state <> 'failed'
