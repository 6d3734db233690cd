package org.dsscontractkit.reference.it;

import static org.dsscontractkit.reference.it.MatrixWorld.COPY_TARGET;
import static org.dsscontractkit.reference.it.MatrixWorld.PROJECT;
import static org.dsscontractkit.reference.it.MatrixWorld.map;
import static org.dsscontractkit.reference.it.MatrixWorld.ok;

/**
 * The dataset calls beyond the uploaded dataset of {@link CoreFixtures}: a SQL dataset on the demo connection (for
 * schema detection), the copy target's dataset, and a free name for the managed dataset the holder creates.
 */
final class DatasetFixtures implements MatrixFixtures {
    private static final String SQL_DATASET = "mx_sql_ds";
    private static final String MANAGED = "mx_managed";
    private static final String COPY = "mx_copy";

    private final MatrixWorld world;

    DatasetFixtures(MatrixWorld world) {
        this.world = world;
    }

    @Override
    public void prepare(MatrixCall call) {
        switch (call.id()) {
            case "detectSqlDatasetSchema" -> {
                if (world.admin.get(MatrixWorld.project() + "/datasets/" + SQL_DATASET).status() == 404) {
                    ok(world.admin.post(MatrixWorld.project() + "/datasets/", map("name", SQL_DATASET, "projectKey",
                            PROJECT, "type", "H2", "params", map("connection", "demo_sql", "mode", "table",
                                    "table", "customers"))));
                }
            }
            case "createManagedDataset" -> world.deleteIfPresent(MatrixWorld.project() + "/datasets/" + MANAGED);
            case "copyDataset" -> {
                world.copyTarget();
                if (world.admin.get("/projects/" + COPY_TARGET + "/datasets/" + COPY).status() == 404) {
                    ok(world.admin.post("/projects/" + COPY_TARGET + "/datasets/managed", map("name", COPY,
                            "creationSettings", map("connectionId", "filesystem_managed", "specificSettings", map()))));
                }
            }
            default -> { }
        }
    }

    @Override
    public String pathValue(String operationId, String param) {
        return param.equals("datasetName") && operationId.equals("detectSqlDatasetSchema") ? SQL_DATASET : null;
    }

    @Override
    public Object body(MatrixCall call) {
        return switch (call.id()) {
            case "createManagedDataset" -> map("name", MANAGED, "creationSettings",
                    map("connectionId", "filesystem_managed", "specificSettings", map()));
            case "copyDataset" -> map("targetProjectKey", COPY_TARGET, "targetDatasetName", COPY, "syncSchema", true,
                    "writeMode", "OVERWRITE");
            default -> NO_OPINION;
        };
    }
}
