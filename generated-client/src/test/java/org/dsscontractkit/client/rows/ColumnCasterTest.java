package org.dsscontractkit.client.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnCasterTest {

    private static ColumnCaster caster(String... types) throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < types.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"name\":\"c").append(i).append("\",\"type\":\"").append(types[i]).append("\"}");
        }
        return new ColumnCaster(new ObjectMapper().readTree(json.append("]").toString()));
    }

    @Test
    void castsLikeThePythonClient() throws Exception {
        ColumnCaster caster = caster("tinyint", "smallint", "int", "bigint", "float", "double", "boolean", "boolean",
                "date", "dateonly", "datetimenotz", "string", "geopoint");

        List<Object> row = caster.cast(List.of("1", "-2", "3", "9007199254740993", "1.5", "-2e-3", "True", "yes",
                "2024-01-02T03:04:05.678+01:00", "2024-01-02", "2024-01-02T03:04:05", "  spaced  ", "POINT(1 2)"));

        assertThat(row).containsExactly(1L, -2L, 3L, 9007199254740993L, 1.5, -0.002, true, false,
                Instant.parse("2024-01-02T02:04:05.678Z"), LocalDate.of(2024, 1, 2), LocalDateTime.of(2024, 1, 2, 3, 4, 5),
                "  spaced  ", "POINT(1 2)");
    }

    @Test
    void emptyAndBadCellsBecomeNullExceptBooleansWhichAreFalse() throws Exception {
        ColumnCaster caster = caster("int", "double", "date", "boolean", "string");

        assertThat(caster.cast(List.of("", "abc", "yesterday", "", ""))).containsExactly(null, null, null, false, "");
    }

    @Test
    void cellsBeyondTheSchemaAreNull() throws Exception {
        assertThat(caster("int").cast(List.of("1", "extra"))).isEqualTo(Arrays.asList(1L, null));
    }

    @Test
    void aSchemaMustBeAnArray() {
        assertThatThrownBy(() -> new ColumnCaster(new ObjectMapper().readTree("{\"columns\":[]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON array of columns");
    }
}
