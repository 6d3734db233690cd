package org.dsscontractkit.reference.dataset;

import org.dsscontractkit.server.error.ApiException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowFormatTest {
    private static String write(RowFormat f, List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowFormat.Writer w = f.open(out, List.of("a", "b"))) {
            for (List<String> r : rows) w.row(r);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tsvExcelNoHeaderQuotesTabsNewlinesAndQuotesOnly() throws Exception {
        String s = write(RowFormat.TSV_EXCEL_NOHEADER, List.of(List.of("plain", "with, comma"), List.of("tab\there", "say \"hi\"\nbye")));
        assertThat(s).isEqualTo("plain\twith, comma\n\"tab\there\"\t\"say \"\"hi\"\"\nbye\"\n");
    }

    @Test
    void headerFormatsStartWithColumnNames() throws Exception {
        assertThat(write(RowFormat.TSV_EXCEL_HEADER, List.of(List.of("1", "2")))).isEqualTo("a\tb\n1\t2\n");
        assertThat(write(RowFormat.CSV_EXCEL_HEADER, List.of(List.of("1", "x,y")))).isEqualTo("a,b\n1,\"x,y\"\n");
    }

    @Test
    void everyFormatTheContractNamesIsServed() throws Exception {
        // the spec's TabularDataFormat enum: tsv/csv, with or without a header row, and json
        assertThat(RowFormat.parse("csv-excel-noheader", RowFormat.JSON)).isEqualTo(RowFormat.CSV_EXCEL_NOHEADER);
        assertThat(write(RowFormat.CSV_EXCEL_NOHEADER, List.of(List.of("1", "x,y")))).isEqualTo("1,\"x,y\"\n");
        assertThat(RowFormat.CSV_EXCEL_NOHEADER.contentType()).startsWith("text/csv");
    }

    @Test
    void jsonIsAnArrayOfStringArrays() throws Exception {
        assertThat(write(RowFormat.JSON, List.of(List.of("1", "\"q\"")))).isEqualTo("[[\"1\",\"\\\"q\\\"\"]]");
        assertThat(write(RowFormat.JSON, List.of())).isEqualTo("[]");
    }

    @Test
    void unknownFormatNamesTheParameter() {
        assertThatThrownBy(() -> RowFormat.parse("xml", RowFormat.JSON))
                .isInstanceOf(ApiException.class).hasMessageContaining("format").hasMessageContaining("xml");
        assertThat(RowFormat.parse(null, RowFormat.JSON)).isEqualTo(RowFormat.JSON);
    }
}
