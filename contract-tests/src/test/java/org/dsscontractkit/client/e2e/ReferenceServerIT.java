package org.dsscontractkit.client.e2e;

import java.util.Locale;
import java.util.UUID;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.contract.ContractValidationExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Base of the Java client's end-to-end suites: an admin client on the shared reference server. */
@ExtendWith(ContractValidationExtension.class)
abstract class ReferenceServerIT {

    protected DSSClient client;

    @BeforeEach
    void connect() {
        ReferenceServerProcess server = ReferenceServerProcess.get();
        client = new DSSClient(server.baseUrl(), server.adminKey());
    }

    /** @return a project key not used by another test (keys are upper case, digits and underscores) */
    protected static String uniqueKey(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** @return a name not used by another test */
    protected static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }
}
