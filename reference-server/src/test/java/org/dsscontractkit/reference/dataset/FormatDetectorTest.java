package org.dsscontractkit.reference.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class FormatDetectorTest {
    @TempDir Path dir;

    private JsonNode detect(String name, byte[] content, boolean infer) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return FormatDetector.detect(List.of(f), infer, true);
    }

    private JsonNode detect(String content, boolean infer) throws IOException {
        return detect("f.csv", content.getBytes(StandardCharsets.UTF_8), infer);
    }

    private static String columns(JsonNode result) {
        StringBuilder s = new StringBuilder();
        for (JsonNode c : result.path("format").path("schemaDetection").path("newSchema").path("columns")) {
            s.append(c.path("name").asText()).append(':').append(c.path("type").asText()).append(' ');
        }
        return s.toString().trim();
    }

    @Test
    void findsTheSeparatorThatSplitsConsistently() throws IOException {
        assertThat(detect("a,b;c\n1,2;3\n4,5;6\n", true).path("format").path("params").path("separator").asText()).isEqualTo(",");
        JsonNode semicolons = detect("id;label;price\n1;\"a, b\";9,5\n2;c;3\n", true);
        assertThat(semicolons.path("format").path("params").path("separator").asText()).isEqualTo(";");
        assertThat(columns(semicolons)).isEqualTo("id:bigint label:string price:string");
        assertThat(detect("x\ty\n1\t2\n", true).path("format").path("params").path("separator").asText()).isEqualTo("\t");
        assertThat(detect("x|y\n1|2\n", true).path("format").path("params").path("separator").asText()).isEqualTo("|");
        JsonNode single = detect("name\nAda\nBob\n", false);
        assertThat(single.path("format").path("ok").asBoolean()).isTrue();
        assertThat(columns(single)).isEqualTo("name:string");
    }

    @Test
    void detectsTheHeaderRowOnlyWhenTheFirstRowReadsUnlikeTheOthers() throws IOException {
        assertThat(detect("id,amount\n1,2.5\n2,3\n", true).path("format").path("params").path("parseHeaderRow").asBoolean()).isTrue();
        JsonNode noHeader = detect("1,2.5\n2,3\n", true);
        assertThat(noHeader.path("format").path("params").path("parseHeaderRow").asBoolean()).isFalse();
        assertThat(columns(noHeader)).isEqualTo("col_0:bigint col_1:double");
        // text everywhere: a first row whose values recur below is data
        assertThat(detect("FR,Paris\nFR,Lyon\n", true).path("format").path("params").path("parseHeaderRow").asBoolean()).isFalse();
        assertThat(detect("country,city\nFR,Paris\nFR,Lyon\n", true).path("format").path("params").path("parseHeaderRow").asBoolean()).isTrue();
    }

    @Test
    void typesOnlyWhenAskedAndNamesStayUnique() throws IOException {
        assertThat(columns(detect("a,b,a\n1,true,x\n", false))).isEqualTo("a:string b:string a_2:string");
        assertThat(columns(detect("a,b,c\n1,true,x\n2,false,y\n", true))).isEqualTo("a:bigint b:boolean c:string");
    }

    @Test
    void charsetCompressionAndWhatCannotBeDetected() throws IOException {
        JsonNode latin1 = detect("l.csv", "nom;ville\nAndré;Besançon\n".getBytes(StandardCharsets.ISO_8859_1), false);
        assertThat(latin1.path("format").path("params").path("charset").asText()).isEqualTo("latin1");
        assertThat(latin1.path("format").path("params").path("separator").asText()).isEqualTo(";");

        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write("k,v\na,1\n".getBytes(StandardCharsets.UTF_8));
        }
        JsonNode gzip = detect("g.csv.gz", gz.toByteArray(), true);
        assertThat(gzip.path("format").path("params").path("compress").asText()).isEqualTo("gz");
        assertThat(columns(gzip)).isEqualTo("k:string v:bigint");

        JsonNode none = FormatDetector.detect(List.of(), false, true);
        assertThat(none.path("format").path("ok").asBoolean()).isFalse();
        assertThat(none.path("format").path("message").asText()).contains("no file");
        assertThat(detect("", false).path("format").path("ok").asBoolean()).isFalse();
    }
}
