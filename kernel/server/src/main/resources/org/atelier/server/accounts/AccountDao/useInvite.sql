UPDATE invites SET uses = uses + 1
WHERE code_hash = :codeHash AND uses < max_uses AND expires_at > :now
