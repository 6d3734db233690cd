package org.dsscontractkit.apiconnect.dataset;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Temporary files without {@link Files#createTempFile}: that one forces 0600 on every file (wrong for an output
 * that replaces a user's file) and seeds a SecureRandom, which loads and initialises the security providers (about
 * 50 classes) for nothing. Creation is exclusive (O_EXCL), so an unpredictable name is not needed for safety.
 */
final class TempFiles {
    private TempFiles() {
    }

    /** A new file named {@code prefix + random + suffix} in {@code dir}, with the umask's default permissions. */
    static Path create(Path dir, String prefix, String suffix, FileAttribute<?>... attributes) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            try {
                return Files.createFile(dir.resolve(prefix + random + suffix), attributes);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) throw e;
            }
        }
    }

    /** A private (0600 where POSIX) spool file in the system's temporary directory. */
    static Path createPrivate(String prefix, String suffix) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return create(dir, prefix, suffix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return create(dir, prefix, suffix);
    }
}
