package org.dsscontractkit.reference.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Caller;

/** The {@code versionTag}/{@code creationTag} DSS puts on what it stores: who changed it last, when, which version. */
public final class VersionTags {
    private VersionTags() {}

    public static ObjectNode of(Caller caller, long version) {
        ObjectNode tag = Json.object();
        tag.put("versionNumber", version);
        tag.putObject("lastModifiedBy").put("login", caller.identifier());
        tag.put("lastModifiedOn", System.currentTimeMillis());
        return tag;
    }
}
