-- Scenarios, the fires of their triggers and their runs; recipes. Same conventions as V1: identifying columns relational,
-- the DSS document as JSON text. A run's document holds {scenarioRun, stepRuns}: what getScenarioRun answers.

CREATE TABLE scenarios (
    project_key VARCHAR(128) NOT NULL REFERENCES projects(project_key) ON DELETE CASCADE,
    id          VARCHAR(255) NOT NULL,
    doc         TEXT         NOT NULL,
    -- the script of a custom_python scenario (empty for step-based ones)
    payload     TEXT         NOT NULL,
    PRIMARY KEY (project_key, id)
);

CREATE TABLE scenario_trigger_fires (
    project_key VARCHAR(128) NOT NULL,
    scenario_id VARCHAR(255) NOT NULL,
    trigger_id  VARCHAR(255) NOT NULL,
    fire_id     VARCHAR(64)  NOT NULL,
    -- the run the fire started; null for a cancelled fire
    run_id      VARCHAR(64),
    doc         TEXT         NOT NULL,
    PRIMARY KEY (project_key, scenario_id, trigger_id, fire_id),
    FOREIGN KEY (project_key, scenario_id) REFERENCES scenarios(project_key, id) ON DELETE CASCADE
);

CREATE TABLE scenario_runs (
    project_key VARCHAR(128) NOT NULL,
    scenario_id VARCHAR(255) NOT NULL,
    run_id      VARCHAR(64)  NOT NULL,
    start_time  BIGINT       NOT NULL,
    -- 0 while the run is in progress
    end_time    BIGINT       NOT NULL,
    doc         TEXT         NOT NULL,
    PRIMARY KEY (project_key, scenario_id, run_id),
    FOREIGN KEY (project_key, scenario_id) REFERENCES scenarios(project_key, id) ON DELETE CASCADE
);

CREATE INDEX scenario_runs_by_start ON scenario_runs (project_key, scenario_id, start_time);

-- Recipes: the definition as JSON text, the payload (code, or type-specific settings) and the metadata apart, as the
-- API serves them apart.
CREATE TABLE recipes (
    project_key VARCHAR(128) NOT NULL REFERENCES projects(project_key) ON DELETE CASCADE,
    name        VARCHAR(255) NOT NULL,
    doc         TEXT         NOT NULL,
    payload     TEXT         NOT NULL,
    metadata    TEXT         NOT NULL,
    PRIMARY KEY (project_key, name)
);
