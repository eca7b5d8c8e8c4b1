package dev.hindsight.blameless;

import dev.hindsight.engines.blameless.BlamelessChecker;
import dev.hindsight.engines.blameless.Finding;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.incident.Participant;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Checks narrative text for blaming and hindsight language, knowing the names of the incident's people. */
@Service
public class BlamelessReview {

    /** The longest text checked in one call. */
    public static final int MAX_TEXT = 200_000;

    private final IncidentManagement incidents;

    BlamelessReview(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    /**
     * The findings in {@code text}, in text order. When {@code incident} is given (and visible to the actor), its
     * commander's and participants' user names and display names count as people's names.
     */
    public List<LanguageFinding> check(Actor actor, String text, IncidentId incident) {
        if (text == null) {
            return List.of();
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("text", "at most " + MAX_TEXT + " characters per check");
        }
        Set<String> names = new LinkedHashSet<>();
        if (incident != null) {
            Incident found = incidents.get(actor, incident);
            List<Participant> people = new ArrayList<>(found.participants());
            if (found.commander() != null) {
                people.add(found.commander());
            }
            for (Participant p : people) {
                names.add(p.username());
                names.add(p.displayName());
                names.add(p.displayName().split(" ")[0]);
            }
        }
        List<Finding> findings = BlamelessChecker.withKnownNames(names).check(text);
        List<LanguageFinding> result = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < f.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            result.add(new LanguageFinding(
                    f.start(),
                    f.end(),
                    line,
                    f.start() - lineStart + 1,
                    f.text(),
                    f.rule().id(),
                    f.rule().category().name().toLowerCase(),
                    f.reason(),
                    f.suggestion()));
        }
        return result;
    }
}
