package org.dsscontractkit.reference.it;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.dsscontractkit.reference.it.ApiSuite.obj;

/**
 * One of the concurrent writers of {@link CrashSuite}: sends writes of every kind the server persists, one after the
 * other, until the server dies under it (the connection fails) or it is told to stop, and records in
 * {@link AcknowledgedWrites} each one answered 2xx. Any other answer is a failure of its own, kept in
 * {@code failures}. Names are unique per round, writer and sequence number (R2W7N12).
 */
final class CrashWriter implements Runnable {
    private final int writer;
    private final int round;
    private final Api admin;
    private final Api node;
    private final AcknowledgedWrites acknowledged;
    private final Queue<String> failures;
    private final AtomicBoolean stop;
    /** This writer's project (variables updates, datasets), kept across rounds; its counter only grows. */
    private final String home;
    private final long[] counter;
    private final boolean[] homeExists;

    CrashWriter(int writer, int round, Api admin, Api node, AcknowledgedWrites acknowledged, Queue<String> failures,
                AtomicBoolean stop, long[] counter, boolean[] homeExists) {
        this.writer = writer;
        this.round = round;
        this.admin = admin;
        this.node = node;
        this.acknowledged = acknowledged;
        this.failures = failures;
        this.stop = stop;
        this.home = "H" + writer;
        this.counter = counter;
        this.homeExists = homeExists;
    }

    @Override
    public void run() {
        try {
            for (int n = 0; !stop.get(); n++) {
                if (!homeExists[writer]) {
                    createHome();
                    continue;
                }
                String name = "R" + round + "W" + writer + "N" + n;
                // each writer starts at another kind, so every kind is written even in a short round
                switch ((n + writer) % 10) {
                    case 0, 1, 2, 3 -> createProject(name);
                    case 4, 5 -> updateVariables();
                    case 6 -> createUser(name.toLowerCase());
                    case 7 -> createDatasetWithFile(name.toLowerCase());
                    case 8 -> createService(name.toLowerCase());
                    default -> createAdminKey(name);
                }
            }
        } catch (UncheckedIOException serverGone) {
            // killed: the write in flight has no answer, so nothing was acknowledged
        }
    }

    private void createHome() {
        Api.Res r = admin.post("/projects/", project(home));
        if (r.status() == 409) {
            homeExists[writer] = true; // a creation the crash left unanswered was committed after all
        } else if (ok(r, "create project " + home)) {
            acknowledged.project(home);
            homeExists[writer] = true;
        }
    }

    private void createProject(String key) {
        if (ok(admin.post("/projects/", project(key)), "create project " + key)) acknowledged.project(key);
    }

    private void updateVariables() {
        long value = ++counter[writer];
        if (ok(admin.put("/projects/" + home + "/variables/", obj("standard", obj("counter", value), "local", obj())),
                "update variables of " + home)) {
            acknowledged.variables(home, value);
        }
    }

    private void createUser(String login) {
        if (ok(admin.post("/admin/users/", obj("login", login, "password", "pw-" + login, "displayName", login,
                "sourceType", "LOCAL", "groups", List.of("readers"), "userProfile", "DATA_SCIENTIST", "email", null)), "create user " + login)) {
            acknowledged.user(login);
        }
    }

    private void createDatasetWithFile(String name) {
        if (!ok(admin.post("/projects/" + home + "/datasets/", obj("name", name, "projectKey", home, "type", "UploadedFiles",
                "params", obj("uploadConnection", "filesystem_managed"), "formatType", "csv",
                "formatParams", obj("separator", ",", "style", "excel", "parseHeaderRow", true))), "create dataset " + home + "." + name)) {
            return;
        }
        acknowledged.dataset(home, name);
        byte[] csv = ("writer,round,name\n" + writer + "," + round + "," + name + "\n").repeat(20).getBytes(StandardCharsets.UTF_8);
        if (ok(admin.upload("/projects/" + home + "/datasets/" + name + "/uploaded/files", name + ".csv", csv),
                "upload to " + home + "." + name)) {
            acknowledged.file(home, name, name + ".csv", csv.length);
        }
    }

    private void createService(String id) {
        if (ok(node.post("/admin/api/services", obj("serviceId", id)), "create API node service " + id)) acknowledged.service(id);
    }

    private void createAdminKey(String label) {
        Api.Res r = node.post("/admin/api/keys", obj("label", label, "description", "crash test"));
        if (ok(r, "create API node admin key " + label)) acknowledged.adminKey(r.json().get("id").asText(), r.json().get("key").asText());
    }

    private static Map<String, Object> project(String key) {
        return obj("projectKey", key, "name", "Project " + key, "owner", "admin");
    }

    private boolean ok(Api.Res r, String what) {
        if (r.status() / 100 == 2) return true;
        if (!stop.get()) failures.add(what + ": " + r);
        return false;
    }
}
