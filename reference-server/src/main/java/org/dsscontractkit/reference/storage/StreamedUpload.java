package org.dsscontractkit.reference.storage;

import org.dsscontractkit.apinode.storage.DurableFiles;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.server.error.ErrorTypes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an upload to its place without ever holding it in memory and without ever showing a part of it: streamed to
 * a temporary file of the data directory, then moved in place. A failed or oversized upload leaves nothing behind.
 * The upload is answered 2xx once this returns, so the file is synced before the move and the move is synced in its
 * directory: the file survives a crash of the process or of the machine.
 */
public final class StreamedUpload {
    private static final int BUFFER = 256 * 1024;

    private StreamedUpload() {}

    /**
     * @param what names the upload in the 413 error ({@code 'orders.csv'})
     * @return the number of bytes stored
     */
    public static long store(DataDirectory dataDir, InputStream in, Path target, long maxBytes, String what) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dataDir.tmp(), "upload-", ".part");
            long total = 0;
            byte[] buf = new byte[BUFFER];
            try (OutputStream out = Files.newOutputStream(tmp)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    if (total > maxBytes) {
                        throw new ApiException(413, ErrorTypes.UPLOAD_TOO_LARGE, "Upload too large: the limit is " + maxBytes + " bytes",
                                "Upload of " + what + " exceeds the limit of " + maxBytes + " bytes (--max-upload-size)");
                    }
                    out.write(buf, 0, n);
                }
            }
            DurableFiles.move(tmp, target, true);
            tmp = null;
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
            }
        }
    }
}
