-- Text people typed used to be stored as Slack sent it, with & < > as &amp; &lt; &gt;. It is stored as typed now
-- (decoded once at the edge, escaped once wherever it is shown), so older rows are decoded here, or they would show
-- "&amp;lt;" in Slack and "&lt;" on the pages. &lt; and &gt; first, then &amp;, so "&amp;lt;" (a typed "&lt;") stays "&lt;".
UPDATE deploy_request SET note = REPLACE(REPLACE(REPLACE(note, '&lt;', '<'), '&gt;', '>'), '&amp;', '&') WHERE note LIKE '%&%';
UPDATE deploy_request SET state_reason = REPLACE(REPLACE(REPLACE(state_reason, '&lt;', '<'), '&gt;', '>'), '&amp;', '&') WHERE state_reason LIKE '%&%';
UPDATE deploy_check SET override_reason = REPLACE(REPLACE(REPLACE(override_reason, '&lt;', '<'), '&gt;', '>'), '&amp;', '&') WHERE override_reason LIKE '%&%';
UPDATE deploy_lock SET reason = REPLACE(REPLACE(REPLACE(reason, '&lt;', '<'), '&gt;', '>'), '&amp;', '&') WHERE reason LIKE '%&%';
UPDATE incident SET title = REPLACE(REPLACE(REPLACE(title, '&lt;', '<'), '&gt;', '>'), '&amp;', '&') WHERE title LIKE '%&%';
UPDATE incident SET summary_text = REPLACE(REPLACE(REPLACE(summary_text, '&lt;', '<'), '&gt;', '>'), '&amp;', '&') WHERE summary_text LIKE '%&%';
UPDATE incident SET affected = REPLACE(REPLACE(REPLACE(affected, '&lt;', '<'), '&gt;', '>'), '&amp;', '&') WHERE affected LIKE '%&%';
UPDATE incident SET what_happened = REPLACE(REPLACE(REPLACE(what_happened, '&lt;', '<'), '&gt;', '>'), '&amp;', '&') WHERE what_happened LIKE '%&%';
UPDATE incident SET prevention = REPLACE(REPLACE(REPLACE(prevention, '&lt;', '<'), '&gt;', '>'), '&amp;', '&') WHERE prevention LIKE '%&%';
UPDATE incident_timeline SET body = REPLACE(REPLACE(REPLACE(body, '&lt;', '<'), '&gt;', '>'), '&amp;', '&') WHERE body LIKE '%&%';
