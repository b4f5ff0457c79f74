-- the viewers whose timelines hold more than :most entries (a scan of ix_home_entries_page; hourly)
SELECT viewer_id FROM home_entries GROUP BY viewer_id HAVING COUNT(*) > :most
