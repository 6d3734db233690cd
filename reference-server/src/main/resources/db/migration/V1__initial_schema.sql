-- Valid on both H2 (2.x) and PostgreSQL: only portable types (VARCHAR, TEXT, BIGINT, BOOLEAN).
-- Each entity keeps its identifying columns relational and its full DSS document as JSON text,
-- so attributes the server does not know about survive a GET/PUT round trip.

CREATE TABLE project_folders (
    id         VARCHAR(64)  PRIMARY KEY,
    parent_id  VARCHAR(64),
    name       VARCHAR(255),
    doc        TEXT         NOT NULL
);

CREATE TABLE projects (
    project_key VARCHAR(128) PRIMARY KEY,
    folder_id   VARCHAR(64)  NOT NULL REFERENCES project_folders(id),
    owner_login VARCHAR(255) NOT NULL,
    created_on  BIGINT       NOT NULL,
    doc         TEXT         NOT NULL
);

CREATE TABLE datasets (
    project_key VARCHAR(128) NOT NULL REFERENCES projects(project_key) ON DELETE CASCADE,
    name        VARCHAR(255) NOT NULL,
    doc         TEXT         NOT NULL,
    PRIMARY KEY (project_key, name)
);

CREATE TABLE jobs (
    project_key VARCHAR(128) NOT NULL REFERENCES projects(project_key) ON DELETE CASCADE,
    id          VARCHAR(255) NOT NULL,
    state       VARCHAR(32)  NOT NULL,
    created_on  BIGINT       NOT NULL,
    doc         TEXT         NOT NULL,
    PRIMARY KEY (project_key, id)
);

CREATE TABLE dss_users (
    login         VARCHAR(255) PRIMARY KEY,
    password_hash VARCHAR(255),
    doc           TEXT         NOT NULL
);

CREATE TABLE dss_groups (
    name VARCHAR(255) PRIMARY KEY,
    doc  TEXT         NOT NULL
);

CREATE TABLE connections (
    name VARCHAR(255) PRIMARY KEY,
    doc  TEXT         NOT NULL
);

-- API key secrets are random 32-byte tokens: a SHA-256 digest is enough to store them
-- irreversibly and, unlike bcrypt, can be looked up by index on every request.
CREATE TABLE api_keys (
    id          VARCHAR(64)  PRIMARY KEY,
    kind        VARCHAR(16)  NOT NULL,
    owner_login VARCHAR(255),
    secret_hash VARCHAR(64)  NOT NULL UNIQUE,
    created_on  BIGINT       NOT NULL,
    doc         TEXT         NOT NULL
);

-- Singleton documents of the instance: global variables, general settings, plugins, code envs.
CREATE TABLE instance_documents (
    name VARCHAR(64) PRIMARY KEY,
    doc  TEXT        NOT NULL
);

CREATE TABLE meanings (
    id  VARCHAR(255) PRIMARY KEY,
    doc TEXT         NOT NULL
);

INSERT INTO project_folders (id, parent_id, name, doc) VALUES ('ROOT', NULL, NULL, '{"owner":"admin","permissions":[]}');
