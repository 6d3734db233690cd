package org.dsscontractkit.apinode.service;

import org.dsscontractkit.apinode.ApiNodeEnvironment;

/** One user-API call being served: where it goes and how long its stages take. */
public record CallContext(String serviceId, String endpointId, String generation, Timing timing,
                          ApiNodeEnvironment environment) {
}
