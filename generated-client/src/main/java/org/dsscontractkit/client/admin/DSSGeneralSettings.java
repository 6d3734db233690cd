package org.dsscontractkit.client.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.dsscontractkit.client.JsonSettings;
import org.dsscontractkit.client.http.HttpTransport;

/** The instance's general settings ({@code /admin/general-settings}); change {@link #getRaw()} then {@link #save()}. */
public final class DSSGeneralSettings extends JsonSettings {

    /** Reads the settings now: {@code GET /admin/general-settings}. */
    public DSSGeneralSettings(HttpTransport transport) {
        this(transport, transport.getJson("/admin/general-settings", null));
    }

    private DSSGeneralSettings(HttpTransport transport, JsonNode raw) {
        super(transport, "/admin/general-settings", raw);
    }
}
