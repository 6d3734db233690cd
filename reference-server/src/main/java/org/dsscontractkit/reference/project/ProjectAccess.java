package org.dsscontractkit.reference.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Caller;

/** What a caller may do on a project, from its owner and per-group permission entries (as DSS). */
public enum ProjectAccess {
    READ, WRITE, ADMIN;

    public static ProjectAccess levelOf(Caller caller, ObjectNode project) {
        if (caller.admin()) return ADMIN;
        if (caller.login() != null && caller.login().equals(project.path("owner").asText())) return ADMIN;
        ProjectAccess best = null;
        for (JsonNode p : project.path("permissions")) {
            if (!caller.groups().contains(p.path("group").asText())) continue;
            ProjectAccess level = entryLevel(p);
            if (level != null && (best == null || level.ordinal() > best.ordinal())) best = level;
        }
        return best;
    }

    private static ProjectAccess entryLevel(JsonNode p) {
        String type = p.path("type").asText("");
        if (p.path("admin").asBoolean(false) || type.equals("ADMIN")) return ADMIN;
        if (p.path("writeProjectContent").asBoolean(false) || type.equals("ANALYST_READWRITE")) return WRITE;
        if (p.path("readProjectContent").asBoolean(false) || p.path("readDashboards").asBoolean(false)
                || type.equals("READER") || type.equals("ANALYST_READONLY")) return READ;
        return null;
    }

    public boolean allows(ProjectAccess wanted) {
        return ordinal() >= wanted.ordinal();
    }
}
