package org.dsscontractkit.client.future;

import org.dsscontractkit.client.DataikuException;

/** Thrown when a job or a future is still running when the caller's timeout passes. The task itself goes on. */
public class WaitTimeoutException extends DataikuException {

    private static final long serialVersionUID = 1L;

    /** @param message what was waited for and for how long */
    public WaitTimeoutException(String message) {
        super(DataikuException.NO_RESPONSE, "WaitTimeout", message, null);
    }
}
