UPDATE inbox_activities SET state = :state WHERE id = :id
