DELETE FROM home_entries WHERE viewer_id IN (<viewers>)
