package org.dsscontractkit.reference.folder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.apinode.storage.DurableFiles;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.storage.DataDirectory;
import org.dsscontractkit.reference.storage.StreamedUpload;
import org.dsscontractkit.server.error.ApiException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The files of managed folders on disk: listed, stored and read as streams, deleted; each under its folder's root. */
public final class FolderFiles {
    private final DataDirectory dataDir;
    private final long maxUploadBytes;

    public FolderFiles(DataDirectory dataDir, long maxUploadBytes) {
        this.dataDir = dataDir;
        this.maxUploadBytes = maxUploadBytes;
    }

    public long maxUploadBytes() { return maxUploadBytes; }

    /** One stored file, as the API describes it. */
    public record Item(String path, long size, long lastModified) {
        public ObjectNode toJson() {
            ObjectNode o = Json.object();
            o.put("path", path);
            o.put("size", size);
            o.put("lastModified", lastModified);
            return o;
        }
    }

    /** @return every file under {@code root}, in all sub-folders, sorted by path; none when the root does not exist yet */
    public List<Item> list(Path root) {
        if (!Files.isDirectory(root)) return List.of();
        List<Item> items = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(f -> items.add(item(root, f)));
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("Cannot list " + root, e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        items.sort(Comparator.comparing(Item::path));
        return items;
    }

    private static Item item(Path root, Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            StringBuilder path = new StringBuilder();
            for (Path segment : root.relativize(file)) path.append('/').append(segment);
            return new Item(path.toString(), a.size(), a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams {@code content} to {@code path} under {@code root}, replacing a file there; sub-folders are created. */
    public Item store(Path root, FolderPath path, InputStream content) {
        Path target = path.resolveIn(root);
        if (Files.isDirectory(target)) {
            throw ApiException.conflict("'" + path + "' is a sub-folder of the managed folder, not a file").at("filePath", "file");
        }
        requireNoFileAbove(root, path, target);
        try {
            StreamedUpload.store(dataDir, content, target, maxUploadBytes, "'" + path + "'");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileAlreadyExistsException || e.getCause() instanceof NotDirectoryException) {
                throw ApiException.conflict("Cannot store '" + path + "': a file of the folder is in the way").at("filePath", "file");
            }
            throw e;
        }
        return item(root, target);
    }

    private static void requireNoFileAbove(Path root, FolderPath path, Path target) {
        for (Path p = target.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                throw ApiException.conflict("Cannot store '" + path + "': '/" + root.relativize(p).toString().replace('\\', '/')
                        + "' is a file, not a sub-folder").at("filePath", "file");
            }
        }
    }

    /** @return the stored file at {@code path}; 404 when there is none */
    public Path existing(Path root, FolderPath path, String folderName) {
        Path file = path.resolveIn(root);
        if (!Files.isRegularFile(file)) throw ApiException.notFound("File '" + path + "' in managed folder '" + folderName + "'");
        return file;
    }

    /**
     * Deletes the file at {@code path}, then the sub-folders it leaves empty (never the root).
     *
     * @return whether there was a file to delete
     */
    public boolean delete(Path root, FolderPath path) {
        Path file = path.resolveIn(root);
        if (!Files.isRegularFile(file)) return false;
        try {
            DurableFiles.delete(file);
            for (Path dir = file.getParent(); dir != null && !dir.equals(root) && dir.startsWith(root); dir = dir.getParent()) {
                try (Stream<Path> children = Files.list(dir)) {
                    if (children.findAny().isPresent()) break;
                }
                DurableFiles.delete(dir);
            }
            return true;
        } catch (NoSuchFileException e) {
            return false; // deleted meanwhile by another request: gone either way
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every file under {@code root} (the folder's contents, not the folder). */
    public void clear(Path root) {
        DataDirectory.deleteRecursively(root);
    }

    /** Number of files and total bytes under {@code root}. */
    public record Measure(long files, long bytes) {}

    public Measure measure(Path root) {
        long files = 0;
        long bytes = 0;
        for (Item i : list(root)) {
            files++;
            bytes += i.size();
        }
        return new Measure(files, bytes);
    }
}
