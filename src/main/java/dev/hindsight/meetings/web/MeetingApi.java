package dev.hindsight.meetings.web;

import dev.hindsight.incident.IncidentId;
import dev.hindsight.meetings.AgendaItem;
import dev.hindsight.meetings.Invitee;
import dev.hindsight.meetings.Meeting;
import dev.hindsight.meetings.MeetingForm;
import dev.hindsight.meetings.Meetings;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ExpectedVersion;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The postmortem meeting in the JSON API: read, schedule or reschedule, cancel, notes, agenda. */
@RestController
@RequestMapping("/api/v1/incidents/{key}/meeting")
class MeetingApi {

    private final Meetings meetings;

    MeetingApi(Meetings meetings) {
        this.meetings = meetings;
    }

    /** A meeting as the API shows it. */
    record MeetingView(
            String incident,
            String uid,
            int sequence,
            String status,
            OffsetDateTime startsAt,
            int durationMinutes,
            String location,
            String videoUrl,
            String facilitator,
            String organizer,
            List<String> invitees,
            String notes,
            String decisions,
            int version) {

        static MeetingView of(Meeting m) {
            return new MeetingView(
                    m.incidentId().key(),
                    m.uid(),
                    m.sequence(),
                    m.status().name().toLowerCase(java.util.Locale.ROOT),
                    m.startsAt(),
                    m.durationMinutes(),
                    m.location(),
                    m.videoUrl(),
                    m.facilitator() == null ? null : m.facilitator().username(),
                    m.organizer() == null ? null : m.organizer().username(),
                    m.invitees().stream().map(Invitee::username).toList(),
                    m.notes(),
                    m.decisions(),
                    m.version());
        }
    }

    /** Schedule or reschedule; {@code invitees} null means the incident's commander and participants. */
    record MeetingRequest(
            String startsAt,
            Integer durationMinutes,
            String location,
            String videoUrl,
            String facilitator,
            List<String> invitees,
            Integer version) {}

    record VersionRequest(Integer version) {}

    record NotesRequest(String notes, String decisions, Integer version) {}

    @GetMapping
    ResponseEntity<MeetingView> get(Actor actor, @PathVariable String key) {
        return view(meetings.get(actor, IncidentId.fromKey(key)));
    }

    @PutMapping
    ResponseEntity<MeetingView> schedule(
            Actor actor,
            @PathVariable String key,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody MeetingRequest request) {
        IncidentId id = IncidentId.fromKey(key);
        Integer version = meetings.find(actor, id).isEmpty() ? null : ExpectedVersion.from(ifMatch, request.version());
        return view(meetings.schedule(
                actor,
                id,
                new MeetingForm(
                        request.startsAt(),
                        request.durationMinutes(),
                        request.location(),
                        request.videoUrl(),
                        request.facilitator(),
                        request.invitees()),
                version));
    }

    @PostMapping("/cancel")
    ResponseEntity<MeetingView> cancel(
            Actor actor,
            @PathVariable String key,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) VersionRequest request) {
        return view(meetings.cancel(
                actor,
                IncidentId.fromKey(key),
                ExpectedVersion.from(ifMatch, request == null ? null : request.version())));
    }

    @PutMapping("/notes")
    ResponseEntity<MeetingView> notes(
            Actor actor,
            @PathVariable String key,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody NotesRequest request) {
        return view(meetings.recordNotes(
                actor,
                IncidentId.fromKey(key),
                request.notes(),
                request.decisions(),
                ExpectedVersion.from(ifMatch, request.version())));
    }

    @GetMapping("/agenda")
    List<AgendaItem> agenda(Actor actor, @PathVariable String key) {
        return meetings.agenda(actor, IncidentId.fromKey(key));
    }

    private static ResponseEntity<MeetingView> view(Meeting meeting) {
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(meeting.version())).body(MeetingView.of(meeting));
    }
}
