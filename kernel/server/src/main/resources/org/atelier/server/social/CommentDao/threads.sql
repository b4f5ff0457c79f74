<commentRow> WHERE c.id IN (<roots>) OR c.root_id IN (<roots>) ORDER BY c.id
