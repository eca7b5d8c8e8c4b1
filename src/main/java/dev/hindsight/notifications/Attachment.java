package dev.hindsight.notifications;

/**
 * A text file sent with an e-mail, such as an iCalendar invitation ({@code text/calendar; method=REQUEST}). A
 * {@code text/calendar} attachment is also put in the message body as an alternative part, so mail clients show the
 * invitation with its accept and decline buttons.
 */
public record Attachment(String filename, String contentType, String content) {

    public boolean calendar() {
        return contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/calendar");
    }
}
