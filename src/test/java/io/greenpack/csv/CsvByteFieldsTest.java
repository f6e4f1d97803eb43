package io.greenpack.csv;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV fields split in place in a line's bytes: trimming, quotes, empty fields. */
class CsvByteFieldsTest {
    private static List<String> fields(String line, char sep) {
        CsvByteFields f = new CsvByteFields();
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        f.split(b, 0, b.length, sep);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < f.count(); i++) {
            out.add(String.valueOf(f.text(i)));
        }
        return out;
    }

    @Test
    void csvFieldsAreTrimmedQuotedAndEmptyIsNoValue() {
        assertThat(fields(" a , b,,c ", ',')).containsExactly("a", "b", "null", "c");
        assertThat(fields("\"x, y\",\"a\\\"b\", \" sp \" ,\"ab\" ", ',')).containsExactly("x, y", "a\"b", "sp", "ab");
        // A quote inside a quoted value, not before a separator: the field as it stands (Spark's reader).
        assertThat(fields("\"=HYPERLINK(\"\"http://x\"\")\",90,\"ab\"cd,a\"b\"c", ','))
                .containsExactly("\"=HYPERLINK(\"\"http://x\"\")\"", "90", "\"ab\"cd", "a\"b\"c");
        assertThat(fields("1,5;2,25", ';')).containsExactly("1,5", "2,25");
        assertThat(fields("a\tb", '\t')).containsExactly("a", "b");
        assertThat(fields("a,\"never closed, rest", ',')).containsExactly("a", "never closed, rest");
        assertThat(fields("7\0\0,h", ',')).containsExactly("7", "h");
        assertThat(fields("a,b,", ',')).containsExactly("a", "b", "null");
    }
}
