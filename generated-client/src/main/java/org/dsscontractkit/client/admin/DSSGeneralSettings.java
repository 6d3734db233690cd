package org.dsscontractkit.client.admin;

import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.JsonSettings;

/** The instance's general settings ({@code getGeneralSettings}); change {@link #getRaw()} then {@link #save()}. */
public final class DSSGeneralSettings extends JsonSettings {

    /**
     * Reads the settings now: {@code getGeneralSettings}; {@link #save()} is {@code setGeneralSettings}.
     *
     * @param api the client's generated operations
     */
    public DSSGeneralSettings(DssApi api) {
        super(api.object(() -> api.generalSettings().getGeneralSettingsRequestBuilder(), "general settings"),
                raw -> api.send(() -> api.generalSettings().setGeneralSettingsRequestBuilder(raw)));
    }
}
