package org.dsscontractkit.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * A CSV file of a given size with a header line and realistic rows: ids, accented names, cities that need quotes
 * (commas), decimals, dates, categories, and comments that are empty, plain, or quoted with quotes, line breaks,
 * tabs and non-Latin text. Always the same bytes for the same size (fixed seed), so a run can reuse the file.
 */
final class CsvDataset {
    private static final String HEADER = "id,customer,city,amount,day,category,comment\n";
    private static final String[] CUSTOMERS = {"Alice Martin", "Bob Dupont", "Chloé Lefèvre", "Dmitri Ivanov", "Eve Müller",
            "François Giraud", "Grace Hopper", "Hiro Tanaka", "Inès Moreau", "José Álvarez", "Zoë O'Brien", "Łukasz Nowak"};
    private static final String[] CITIES = {"Paris", "Lyon", "\"Saint-Denis, La Réunion\"", "New York", "Zürich", "Tokyo",
            "\"Washington, D.C.\"", "São Paulo", "Kraków", "Reykjavík"};
    private static final String[] CATEGORIES = {"retail", "online", "wholesale", "partner", "B2B"};
    private static final String[] COMMENTS = {"", "", "", "", "ok", "delivered on time", "\"said \"\"call me back\"\"\"",
            "\"two\nlines\"", "\"tab\there\"", "返品なし", "to check, urgent", "✓ paid"};

    private CsvDataset() { }

    /** The file {@code dir/rows-<megabytes>MB.csv}, written unless it already exists. */
    static Path ensure(Path dir, long megabytes) throws IOException {
        Path file = dir.resolve("rows-" + megabytes + "MB.csv");
        if (Files.isRegularFile(file)) return file;
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "rows-", ".part");
        long target = megabytes * 1_000_000L;
        SplittableRandom random = new SplittableRandom(20240618L);
        try (OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buf = new byte[1 << 20];
            int used = 0;
            long written = 0;
            StringBuilder row = new StringBuilder(160);
            byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
            out.write(header);
            written += header.length;
            for (long id = 1; written < target; id++) {
                row.setLength(0);
                row.append(id).append(',')
                        .append(CUSTOMERS[random.nextInt(CUSTOMERS.length)]).append(',')
                        .append(CITIES[random.nextInt(CITIES.length)]).append(',')
                        .append(random.nextInt(1_000_000) / 100).append('.').append(10 + random.nextInt(90)).append(',')
                        .append("2024-").append(10 + random.nextInt(3)).append('-').append(10 + random.nextInt(19)).append(',')
                        .append(CATEGORIES[random.nextInt(CATEGORIES.length)]).append(',')
                        .append(COMMENTS[random.nextInt(COMMENTS.length)]).append('\n');
                byte[] b = row.toString().getBytes(StandardCharsets.UTF_8);
                if (used + b.length > buf.length) {
                    out.write(buf, 0, used);
                    used = 0;
                }
                System.arraycopy(b, 0, buf, used, b.length);
                used += b.length;
                written += b.length;
            }
            out.write(buf, 0, used);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
