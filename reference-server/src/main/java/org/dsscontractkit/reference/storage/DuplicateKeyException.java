package org.dsscontractkit.reference.storage;

/** An insert hit an existing key: the object the caller wants to create already exists (HTTP 409). */
public class DuplicateKeyException extends RuntimeException {
    public DuplicateKeyException(String message) {
        super(message);
    }
}
