package org.dsscontractkit.spec.build;

import java.nio.file.Path;

/** The two documents this project publishes; the name is the file stem everywhere (source, bundle, docs page). */
public enum ApiDocument {
    DSS_PUBLIC_API("dss-public-api", "DSS public API", 4010),
    APINODE_USER_API("apinode-user-api", "API Node user API", 4011);

    private final String fileStem;
    private final String displayName;
    private final int mockPort;

    ApiDocument(String fileStem, String displayName, int mockPort) {
        this.fileStem = fileStem;
        this.displayName = displayName;
        this.mockPort = mockPort;
    }

    /** Port the README runs this document's Prism mock on (4010 is Prism's default), named in the mock's servers. */
    public int mockPort() {
        return mockPort;
    }

    public String fileStem() {
        return fileStem;
    }

    public String displayName() {
        return displayName;
    }

    /** The published document of that file stem (a bundle's name). */
    public static ApiDocument ofFileStem(String fileStem) {
        for (ApiDocument document : values()) {
            if (document.fileStem.equals(fileStem)) {
                return document;
            }
        }
        throw new IllegalArgumentException("no published document is named " + fileStem);
    }

    public Path sourceIn(Path sourceDir) {
        return sourceDir.resolve(fileStem + ".yaml");
    }
}
