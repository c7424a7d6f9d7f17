-- The service directory (hub-dashboard: migrations V20 to V29). Records are stored as the SDK's
-- canonical JSON; the search columns beside them are derived from it on every registration.
CREATE TABLE directory_organisation (
  id VARCHAR(100) PRIMARY KEY,
  country CHAR(3) NOT NULL,
  search_text VARCHAR(20000) NOT NULL,
  document VARCHAR(1000000) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE directory_service (
  id VARCHAR(100) PRIMARY KEY,
  organisation_id VARCHAR(100) NOT NULL REFERENCES directory_organisation (id),
  country CHAR(3) NOT NULL,
  search_text VARCHAR(20000) NOT NULL,
  document VARCHAR(1000000) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX directory_service_country ON directory_service (country);
CREATE INDEX directory_service_organisation ON directory_service (organisation_id);

CREATE TABLE directory_service_type (
  service_id VARCHAR(100) NOT NULL REFERENCES directory_service (id) ON DELETE CASCADE,
  service_type VARCHAR(64) NOT NULL,
  PRIMARY KEY (service_id, service_type)
);

CREATE INDEX directory_service_type_code ON directory_service_type (service_type);

-- Every administrative area a service names: the areas its locations cover and the areas they are in.
CREATE TABLE directory_service_area (
  service_id VARCHAR(100) NOT NULL REFERENCES directory_service (id) ON DELETE CASCADE,
  p_code VARCHAR(32) NOT NULL,
  PRIMARY KEY (service_id, p_code)
);
