package dev.hindsight.actions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** CSV quoting of the board export. */
class ActionCsvTests {

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAndLeavesOthersBare() {
        assertThat(Csv.row(Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", null, 3)))
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,3\r\n");
    }

    @Test
    void defusesCellsThatASpreadsheetWouldRunAsFormulas() {
        assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.field("+1")).isEqualTo("'+1");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("ACT-1")).isEqualTo("ACT-1");
    }
}
