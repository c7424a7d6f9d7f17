-- Submissions of national focal points (issue #14): one row per stored submission, its lines,
-- its approval, and each country's release in the regional dataset. Portable SQL (H2, PostgreSQL).

CREATE TABLE hub_submission (
  submission_id VARCHAR(64) NOT NULL,
  country VARCHAR(3) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  content_hash VARCHAR(80) NOT NULL,
  receipt TEXT NOT NULL,
  CONSTRAINT hub_submission_pk PRIMARY KEY (submission_id)
);

-- One de-identified casualty per row, as received (a validated NDJSON line), or one indicator
-- table as SDMX-CSV text in line 0.
CREATE TABLE hub_submission_line (
  submission_id VARCHAR(64) NOT NULL,
  line_number BIGINT NOT NULL,
  pseudonym VARCHAR(128),
  incident_year INTEGER,
  content TEXT NOT NULL,
  CONSTRAINT hub_submission_line_pk PRIMARY KEY (submission_id, line_number),
  CONSTRAINT hub_submission_line_submission_fk FOREIGN KEY (submission_id)
    REFERENCES hub_submission (submission_id)
);

CREATE TABLE hub_approval (
  submission_id VARCHAR(64) NOT NULL,
  approved_at VARCHAR(40) NOT NULL,
  CONSTRAINT hub_approval_pk PRIMARY KEY (submission_id),
  CONSTRAINT hub_approval_submission_fk FOREIGN KEY (submission_id)
    REFERENCES hub_submission (submission_id)
);

-- The latest approved release of each country: the regional dataset.
CREATE TABLE hub_regional_release (
  country VARCHAR(3) NOT NULL,
  submission_id VARCHAR(64) NOT NULL,
  CONSTRAINT hub_regional_release_pk PRIMARY KEY (country),
  CONSTRAINT hub_regional_release_submission_fk FOREIGN KEY (submission_id)
    REFERENCES hub_submission (submission_id)
);
