package org.dsscontractkit.reference.folder;

import org.dsscontractkit.server.error.ApiException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FolderPathTest {
    private static final Path ROOT = Path.of("/data/managed_folders/P/abc");

    @Test
    void plainPathsResolveUnderTheRootWithOrWithoutTheLeadingSlash() {
        assertThat(FolderPath.parse("/2015/orders.csv", "filePath").resolveIn(ROOT)).isEqualTo(ROOT.resolve("2015/orders.csv"));
        assertThat(FolderPath.parse("2015/orders.csv", "filePath").toString()).isEqualTo("/2015/orders.csv");
        assertThat(FolderPath.parse("/dir/", "filePath").toString()).isEqualTo("/dir");
        // names that merely look odd are names
        assertThat(FolderPath.parse("/a..b/.hidden/100%/x y.csv", "filePath").segments()).containsExactly("a..b", ".hidden", "100%", "x y.csv");
    }

    @Test
    void everyWayOutOfTheFolderIsRefusedNamingThePath() {
        for (String bad : List.of("..", "/..", "../x", "/a/../../x", "a/./b", "a//b", "//etc/passwd", "a\\..\\b", "C:/x", "a\u0000b",
                "a\nb", "dir/" + "é".repeat(128), "%2e%2e/x", "a/%2E%2E", "%2e", "a%2Fb", "a%5c..", "", "/")) {
            assertThatThrownBy(() -> FolderPath.parse(bad, "filePath")).as(bad)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).contains("filePath").contains("'" + bad + "'");
                    });
        }
    }
}
