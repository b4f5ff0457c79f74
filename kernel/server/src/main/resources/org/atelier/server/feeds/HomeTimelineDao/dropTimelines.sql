DELETE FROM home_timelines WHERE viewer_id IN (<viewers>)
