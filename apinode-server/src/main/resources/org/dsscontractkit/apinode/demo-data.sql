-- Demo data of the API node (embedded H2). Passengers named in seed 002 carry the seed's values.
CREATE TABLE IF NOT EXISTS "passengers" (
  "PassengerId" BIGINT PRIMARY KEY,
  "Survived" BIGINT,
  "Pclass" BIGINT,
  "Name" VARCHAR(200),
  "Sex" VARCHAR(10),
  "Age" DOUBLE PRECISION,
  "Fare" DOUBLE PRECISION
);
MERGE INTO "passengers" KEY ("PassengerId") VALUES
  (1, 0, 3, 'Braund, Mr. Owen Harris', 'male', 22.0, 7.25),
  (2, 1, 1, 'Cumings, Mrs. John Bradley (Florence Briggs Thayer)', 'female', 38.0, 71.2833),
  (3, 1, 3, 'Heikkinen, Miss. Laina', 'female', 26.0, 7.925),
  (4, 1, 1, 'Futrelle, Mrs. Jacques Heath (Lily May Peel)', 'female', 35.0, 53.1),
  (5, 0, 3, 'Allen, Mr. William Henry', 'male', 35.0, 8.05),
  (7, 0, 1, 'McCarthy, Mr. Timothy J', 'male', 54.0, 51.8625),
  (12, 1, 1, 'Bonnell, Miss. Elizabeth', 'female', 58.0, 26.55),
  (24, 1, 1, 'Sloper, Mr. William Thompson', 'male', 28.0, 35.5),
  (34, 0, 2, 'Wheadon, Mr. Edward H', 'male', 66.0, 10.5),
  (42, 0, 2, 'Turpin, Mrs. William John Robert (Dorothy Ann Wonnacott)', 'female', 27.0, 21.0),
  (97, 0, 1, 'Goldschmidt, Mr. George B', 'male', 71.0, 34.6542),
  (117, 0, 3, 'Connors, Mr. Patrick', 'male', 70.5, 7.75),
  (196, 1, 1, 'Lurette, Miss. Elise', 'female', 58.0, 146.5208),
  (269, 1, 1, 'Graham, Mrs. William Thompson (Edith Junkins)', 'female', 58.0, 153.4625),
  (276, 1, 1, 'Andrews, Miss. Kornelia Theodosia', 'female', 63.0, 77.9583),
  (367, 1, 1, 'Warren, Mrs. Frank Manley (Anna Sophia Atkinson)', 'female', 60.0, 75.25),
  (484, 1, 3, 'Turkula, Mrs. (Hedwig)', 'female', 63.0, 9.5875),
  (631, 1, 1, 'Barkworth, Mr. Algernon Henry Wilson', 'male', 80.0, 30.0),
  (830, 1, 1, 'Stone, Mrs. George Nelson (Martha Evelyn)', 'female', 62.0, 80.0),
  (852, 0, 3, 'Svensson, Mr. Johan', 'male', 74.0, 7.775);

-- Customer profile joined to fraud_detection requests by customer_id (enrichment). Customer 9999 is stored twice
-- on purpose: scoring it shows ignoreReason MULTIPLE_LOOKUP_MATCHES.
CREATE TABLE IF NOT EXISTS "customers" (
  "customer_id" BIGINT,
  "customer_age_days" BIGINT,
  "chargebacks" BIGINT,
  "country" VARCHAR(2)
);
DELETE FROM "customers";
INSERT INTO "customers" VALUES
  (2136, 1200, 0, 'FR'),
  (1235, 35, 2, 'US'),
  (4242, 4000, 0, 'DE'),
  (7, 3, 5, 'BR'),
  (9999, 500, 0, 'FR'),
  (9999, 20, 1, 'US');
