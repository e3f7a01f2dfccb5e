-- Session ids at rest become the SHA-256 (hex) of the cookie's token (server/auth/lucia.ts), so a copy of
-- this table holds no cookie that works. Sessions made before this change are hashed in place and keep
-- working. Lucia's tokens are 40 base32 characters, never 64 hex digits, so a row is never hashed twice.
UPDATE "Session" SET "id" = encode(sha256(convert_to("id", 'UTF8')), 'hex') WHERE "id" !~ '^[0-9a-f]{64}$';
