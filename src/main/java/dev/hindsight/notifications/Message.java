package dev.hindsight.notifications;

import java.util.List;

/**
 * What to tell people.
 *
 * @param type a short machine name such as {@code action-reminder}, shown in the inbox and sent to webhooks
 * @param subject one line, never null
 * @param text the plain-text body, never null
 * @param html an HTML body for e-mail, or null
 * @param link a path in Hindsight (such as {@code /incidents/INC-3}) or an absolute URL, or null
 * @param attachments files for the e-mail, never null
 * @param restricted true when the content concerns a restricted incident: then it never goes to webhooks
 */
public record Message(
        String type,
        String subject,
        String text,
        String html,
        String link,
        List<Attachment> attachments,
        boolean restricted) {

    public Message {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        subject = subject.length() > 300 ? subject.substring(0, 297) + "..." : subject;
    }

    public static Message of(String type, String subject, String text, String link) {
        return new Message(type, subject, text, null, link, List.of(), false);
    }

    public Message restricted(boolean value) {
        return new Message(type, subject, text, html, link, attachments, value);
    }

    public Message withAttachment(Attachment attachment) {
        List<Attachment> all = new java.util.ArrayList<>(attachments);
        all.add(attachment);
        return new Message(type, subject, text, html, link, all, restricted);
    }
}
