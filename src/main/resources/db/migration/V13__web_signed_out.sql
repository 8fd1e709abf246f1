-- Sign-out of the manager pages (issue 13, item 18): the session cookie is a signed token that would stay valid until it
-- expires, so signing out records when each user last signed out, and every replica refuses that user's sessions
-- issued before then (sign-out everywhere). One row per user that has ever signed out.
CREATE TABLE web_signed_out (
    subject        VARCHAR(255)             PRIMARY KEY,
    signed_out_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
