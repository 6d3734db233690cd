package org.dsscontractkit.reference.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every area's fixtures share: the administrator, the matrix's users (by login), the project and dataset the
 * calls act on, and the few moves they all make (a fixture call must succeed; delete if present).
 */
final class MatrixWorld {
    static final String PROJECT = "MX";
    static final String DATASET = "mxds";
    /** Where the copy calls write: a project the readers of {@link #PROJECT} may write, so that only reading is tested. */
    static final String COPY_TARGET = "MXCOPY";

    final String baseUrl;
    final Api admin;
    final Map<String, Api> users = new LinkedHashMap<>();

    MatrixWorld(String baseUrl, String adminKey) {
        this.baseUrl = baseUrl;
        this.admin = new Api(baseUrl, adminKey);
    }

    Api user(String login) {
        return login.equals("admin") ? admin : users.get(login);
    }

    static String project() {
        return "/projects/" + PROJECT;
    }

    /** Makes sure {@link #COPY_TARGET} exists, writable by the readers of {@link #PROJECT}. */
    void copyTarget() {
        if (admin.get("/projects/" + COPY_TARGET).status() == 404) {
            ok(admin.post("/projects/", map("projectKey", COPY_TARGET, "name", "Copies of the permission matrix",
                    "owner", "admin", "settings", null, "description", null, "permissions", List.of(), "tags", List.of())));
            ok(admin.put("/projects/" + COPY_TARGET + "/permissions", map("owner", "admin", "permissions", List.of(
                    map("group", "mx-readers", "readProjectContent", true, "writeProjectContent", true)))));
        }
    }

    /** The answer of a fixture call, which must be a success: else the matrix would test a missing object. */
    static JsonNode ok(Api.Res r) {
        assertThat(r.status() / 100).as("fixture call: %s", r).isEqualTo(2);
        return r.body().isEmpty() ? Api.JSON.nullNode() : r.json();
    }

    void deleteIfPresent(String path) {
        int status = admin.delete(path).status();
        assertThat(status).as("admin DELETE %s", path).isIn(200, 204, 404);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
