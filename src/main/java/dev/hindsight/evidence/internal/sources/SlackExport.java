package dev.hindsight.evidence.internal.sources;

import static dev.hindsight.evidence.internal.sources.Json.firstNonNull;
import static dev.hindsight.evidence.internal.sources.Json.object;
import static dev.hindsight.evidence.internal.sources.Json.text;

import dev.hindsight.evidence.EvidenceEventKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Slack channel export JSON (a day file: an array of messages; also one message, or an object with a
 * {@code messages} array as the API returns). Every message becomes a {@code CHAT_MESSAGE} at its {@code ts} (a
 * string of epoch seconds and micros), whatever the order of threads; replies, edits and subtypes are kept as
 * attributes. Messages that say a responder decided, rolled back, mitigated, resolved or escalated something get a
 * {@code signal} attribute, from the first matching rule of {@link #SIGNALS}, so the timeline can propose them.
 * Items without {@code ts} (e.g. a {@code channels.json} entry) are counted as unparsed.
 */
final class SlackExport {

    static final String EXPECTED = "a Slack channel export (a JSON array of messages with \"ts\")";

    /** Signal rules, tried in order; the first match names the signal. */
    static final List<Map.Entry<String, Pattern>> SIGNALS = List.of(
            Map.entry("rollback", rule("roll(?:ing|ed)?[ -]?back|revert(?:ed|ing)?")),
            Map.entry("mitigated", rule("mitigat\\w*|work ?around|stabili[sz]ed|recovering|failover|failed over")),
            Map.entry("resolved", rule("resolved|fixed|all clear|back to normal|fully recovered|closing the incident")),
            Map.entry(
                    "escalation",
                    rule("escalat\\w*|paging|page (?:the )?on-?call|declar(?:e|ed|ing) (?:an? )?incident|sev ?[0-2]")),
            Map.entry(
                    "decision",
                    rule("decided|decision|we will|we'll|let's|going to|the plan is|plan:|action item|i'll")));

    private SlackExport() {}

    private static Pattern rule(String regex) {
        return Pattern.compile("(?<![\\w])(?:" + regex + ")(?![\\w])", Pattern.CASE_INSENSITIVE);
    }

    static boolean looksLikeSlack(JsonNode node) {
        return node.isObject() && (node.has("ts") || node.has("messages"));
    }

    static void read(Json.Document doc, Collected out) {
        JsonNode node = doc.node();
        JsonNode messages = node.isObject() ? node.get("messages") : null;
        if (messages != null && messages.isArray()) {
            for (JsonNode m : messages) {
                message(m, doc, out);
            }
            return;
        }
        message(node, doc, out);
    }

    private static void message(JsonNode m, Json.Document doc, Collected out) {
        String ts = text(m, "ts");
        Instant at = ts == null ? null : out.time(ts);
        if (!m.isObject() || at == null) {
            String what = m.isObject() && m.has("name") && m.has("id")
                    ? "a channel list entry (" + text(m, "name") + "), not a message"
                    : "not a Slack message (no \"ts\")";
            out.unparsed.add("lines " + doc.firstLine() + "-" + doc.lastLine() + ": " + what);
            return;
        }
        out.items++;
        JsonNode profile = object(m, "user_profile");
        String user = firstNonNull(
                text(profile, "real_name"),
                text(profile, "display_name"),
                text(m, "user_name"),
                text(m, "username"),
                text(m, "user"),
                text(m, "bot_id"),
                "someone");
        String body = firstNonNull(text(m, "text"), files(m), "");
        String subtype = text(m, "subtype");
        String threadTs = text(m, "thread_ts");
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("author", user);
        attributes.put("user", text(m, "user"));
        attributes.put("channel", text(m, "channel_name"));
        attributes.put("ts", ts);
        attributes.put("subtype", subtype);
        if (threadTs != null) {
            attributes.put("thread", threadTs);
            if (!threadTs.equals(ts)) {
                attributes.put("reply", "true");
            }
        }
        JsonNode edited = object(m, "edited");
        if (edited != null) {
            attributes.put("edited", firstNonNull(text(edited, "ts"), "true"));
        }
        if (subtype == null || subtype.equals("thread_broadcast") || subtype.equals("me_message")) {
            attributes.put("signal", signal(body));
        }
        int newline = body.indexOf('\n');
        String firstLine = newline < 0 ? body : body.substring(0, newline);
        out.event(
                at,
                EvidenceEventKind.CHAT_MESSAGE,
                user + ": " + Json.cut(firstLine, 200),
                body,
                doc.firstLine(),
                doc.lastLine(),
                attributes);
    }

    /** The signal of a message's text, or null. */
    static String signal(String text) {
        for (var rule : SIGNALS) {
            if (rule.getValue().matcher(text).find()) {
                return rule.getKey();
            }
        }
        return null;
    }

    private static String files(JsonNode m) {
        JsonNode files = m.get("files");
        if (files == null || !files.isArray() || files.isEmpty()) {
            return null;
        }
        return "shared " + firstNonNull(text(files.get(0), "name"), text(files.get(0), "title"), "a file");
    }
}
