package org.dsscontractkit.spec.build;

import java.nio.file.Path;

/** The two documents this project publishes; the name is the file stem everywhere (source, bundle, docs page). */
public enum ApiDocument {
    DSS_PUBLIC_API("dss-public-api", "DSS public API"),
    APINODE_USER_API("apinode-user-api", "API Node user API");

    private final String fileStem;
    private final String displayName;

    ApiDocument(String fileStem, String displayName) {
        this.fileStem = fileStem;
        this.displayName = displayName;
    }

    public String fileStem() {
        return fileStem;
    }

    public String displayName() {
        return displayName;
    }

    public Path sourceIn(Path sourceDir) {
        return sourceDir.resolve(fileStem + ".yaml");
    }
}
