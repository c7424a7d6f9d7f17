-- The regional figures computed on each approval (issue #14): one row, replaced each time.

CREATE TABLE hub_regional_figures (
  figures_id INTEGER NOT NULL,
  version BIGINT NOT NULL,
  computed_at VARCHAR(40) NOT NULL,
  table_csv TEXT NOT NULL,
  CONSTRAINT hub_regional_figures_pk PRIMARY KEY (figures_id)
);
