package org.dsscontractkit.apiconnect.auth;

/** Credentials could not be obtained (token endpoint refused or unreachable). The message is already redacted. */
public class AuthException extends RuntimeException {
    public AuthException(String message) { super(message); }
}
