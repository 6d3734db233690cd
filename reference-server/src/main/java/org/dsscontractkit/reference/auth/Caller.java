package org.dsscontractkit.reference.auth;

import java.util.Set;

/**
 * Who a request acts for, resolved from its API key.
 *
 * @param login  the DSS user the key acts as; null for a global key without impersonation
 * @param keyId  id of the API key used
 * @param keyKind GLOBAL or PERSONAL
 */
public record Caller(String login, String keyId, String keyKind, Set<String> groups, boolean admin,
                     boolean mayCreateProjects) {

    /** Identity written as owner/creator of what this caller creates. */
    public String identifier() {
        return login != null ? login : "api:" + keyId;
    }

    public boolean inAnyGroup(Iterable<String> names) {
        for (String n : names) if (groups.contains(n)) return true;
        return false;
    }
}
