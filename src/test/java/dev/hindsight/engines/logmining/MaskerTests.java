package dev.hindsight.engines.logmining;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskerTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PacketResponder 1 for block blk_-6952295868487656571 terminating|PacketResponder <*> for block blk_<*> terminating",
                "connect to 10.251.73.220:50010 failed|connect to <*> failed",
                "Block rdd_2_3 stored (estimated size 16.0 KB, free 1.2 MB)|Block rdd_<*> stored (estimated size <*> free <*>",
                "[instance: 4d3ea6ba-b7b1-4ca6-bdcc-5d5c1b3a4e36] Claim successful|[instance: <*> Claim successful",
                "0 bytes sent, lifetime <1 sec|<*> sent, lifetime <*>",
                "connection at Sat Jul  9 22:53:22 2005|connection at <*>",
                "ask 1.2.3.4:1 to delete  blk_1 blk_2 blk_3|ask <*> to delete blk_<*>",
                "key 0x1f3a at 3ms in v2|key <*> at <*> in <*>",
                "plain words stay as they are|plain words stay as they are",
                "May I help|May I help",
            })
    void masksObviousParametersAndCollapsesTheirRuns(String message, String expected) {
        assertThat(new Masker().signature(message)).isEqualTo(expected);
    }

    @Test
    void masksOnlyTheFirstLineAndNormalisesSpaces() {
        Masker masker = new Masker();

        assertThat(masker.signature("first line 1\nsecond line 2")).isEqualTo("first line <*>");
        assertThat(masker.signature("a  \t b")).isEqualTo("a b");
    }
}
