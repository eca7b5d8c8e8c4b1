package dev.hindsight.meetings.web;

import dev.hindsight.incident.IncidentId;
import dev.hindsight.meetings.MeetingForm;
import dev.hindsight.meetings.Meetings;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The postmortem meeting section of the incident page (an htmx fragment: schedule, reschedule, cancel, agenda,
 * notes and decisions) and the invitation download.
 */
@Controller
class MeetingPages {

    private final Meetings meetings;

    MeetingPages(Meetings meetings) {
        this.meetings = meetings;
    }

    @GetMapping("/incidents/{key}/meeting-fragment")
    String section(Actor actor, @PathVariable String key, Model model) {
        IncidentId id = IncidentId.fromKey(key);
        model.addAttribute("incidentKey", id.key());
        model.addAttribute("meeting", meetings.find(actor, id).orElse(null));
        model.addAttribute("agenda", meetings.agenda(actor, id));
        model.addAttribute("canEdit", actor.canEdit());
        return "meetings/fragment :: section";
    }

    @PostMapping("/incidents/{key}/meeting")
    String schedule(
            Actor actor,
            @PathVariable String key,
            @RequestParam(defaultValue = "") String startsAt,
            @RequestParam(required = false) Integer durationMinutes,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String videoUrl,
            @RequestParam(required = false) String facilitator,
            @RequestParam(required = false) String invitees,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        IncidentId id = IncidentId.fromKey(key);
        List<String> people = invitees == null || invitees.isBlank()
                ? null
                : Arrays.stream(invitees.split("[,\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        try {
            var meeting = meetings.schedule(
                    actor,
                    id,
                    new MeetingForm(startsAt, durationMinutes, location, videoUrl, facilitator, people),
                    version);
            redirect.addFlashAttribute(
                    "flash",
                    "Meeting " + (meeting.sequence() == 0 ? "scheduled" : "rescheduled") + "; invitations sent to "
                            + meeting.invitees().size() + " people.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", "Meeting not scheduled: " + describe(e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        return "redirect:/incidents/" + id.key();
    }

    @PostMapping("/incidents/{key}/meeting/cancel")
    String cancel(Actor actor, @PathVariable String key, @RequestParam int version, RedirectAttributes redirect) {
        IncidentId id = IncidentId.fromKey(key);
        try {
            meetings.cancel(actor, id, version);
            redirect.addFlashAttribute("flash", "Meeting cancelled; the invitees were told.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", "Not cancelled: " + describe(e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        return "redirect:/incidents/" + id.key();
    }

    @PostMapping("/incidents/{key}/meeting/notes")
    String notes(
            Actor actor,
            @PathVariable String key,
            @RequestParam(required = false) String notes,
            @RequestParam(required = false) String decisions,
            @RequestParam int version,
            RedirectAttributes redirect) {
        IncidentId id = IncidentId.fromKey(key);
        try {
            meetings.recordNotes(actor, id, notes, decisions, version);
            redirect.addFlashAttribute("flash", "Meeting notes saved.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", "Notes not saved: " + describe(e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        return "redirect:/incidents/" + id.key();
    }

    @GetMapping("/incidents/{key}/meeting.ics")
    ResponseEntity<String> ics(Actor actor, @PathVariable String key) {
        IncidentId id = IncidentId.fromKey(key);
        String body = meetings.invitation(actor, id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(id.key() + "-postmortem.ics")
                                .build()
                                .toString())
                .body(body);
    }

    private static String describe(InvalidInputException e) {
        return e.errors().stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
    }
}
