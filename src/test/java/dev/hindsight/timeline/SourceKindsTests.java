package dev.hindsight.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.shared.NotFoundException;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which source events are proposed, and how entries are named. */
class SourceKindsTests {

    static SourceEvent event(String kind, Map<String, String> attributes) {
        return new SourceEvent(1, 1, OffsetDateTime.parse("2026-03-02T10:00:00Z"), kind, "t", null, 0, 0, attributes);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "LOG_NEW_TEMPLATE",
                "LOG_BURST",
                "ALERT_FIRING",
                "ALERT_RESOLVED",
                "DEPLOY",
                "CHANGE",
                "METRIC_CHANGE"
            })
    void proposesEveryKindButPlainChat(String kind) {
        assertThat(SourceKinds.proposes(event(kind, Map.of()))).isTrue();
    }

    @Test
    void proposesChatMessagesOnlyWithASignal() {
        assertThat(SourceKinds.proposes(event("CHAT_MESSAGE", Map.of("author", "ana"))))
                .isFalse();
        assertThat(SourceKinds.proposes(event("CHAT_MESSAGE", Map.of("signal", " "))))
                .isFalse();
        assertThat(SourceKinds.proposes(event("CHAT_MESSAGE", Map.of("signal", "rollback"))))
                .isTrue();
        assertThat(SourceKinds.proposes(event("SOMETHING_ELSE", Map.of("signal", "rollback"))))
                .isFalse();
    }

    @Test
    void parsesAndPrintsEntryRefs() {
        assertThat(EntryRef.parse(" E12.5 ")).isEqualTo(EntryRef.source(12, 5));
        assertThat(EntryRef.parse("M7")).isEqualTo(EntryRef.manual(7));
        assertThat(EntryRef.source(12, 5)).hasToString("E12.5");
        assertThat(EntryRef.manual(7)).hasToString("M7");
        for (String bad : new String[] {"", "E12", "E.5", "M", "m7", "E12.5.1", "M99999999999999999999"}) {
            assertThatThrownBy(() -> EntryRef.parse(bad)).isInstanceOf(NotFoundException.class);
        }
    }
}
