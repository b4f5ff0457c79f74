DELETE FROM plugins WHERE symbolic_name = :symbolicName
