-- The regional figures computed on each approval (issue #14): one row, updated each time. Its
-- version 0 means none yet; approvals lock the row first, so they recompute one after another.

CREATE TABLE hub_regional_figures (
  figures_id INTEGER NOT NULL,
  version BIGINT NOT NULL,
  computed_at VARCHAR(40) NOT NULL,
  table_csv TEXT NOT NULL,
  CONSTRAINT hub_regional_figures_pk PRIMARY KEY (figures_id)
);

INSERT INTO hub_regional_figures (figures_id, version, computed_at, table_csv) VALUES (1, 0, '', '');
