package dev.hindsight.blameless.web;

import dev.hindsight.blameless.BlamelessReview;
import dev.hindsight.blameless.LanguageFinding;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.Actor;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/blameless-check}: the findings in a text, optionally with an incident's people's names. */
@RestController
class BlamelessApi {

    private final BlamelessReview review;

    BlamelessApi(BlamelessReview review) {
        this.review = review;
    }

    record CheckRequest(String text, String incident) {}

    record CheckResult(boolean clean, List<LanguageFinding> findings) {}

    @PostMapping("/api/v1/blameless-check")
    CheckResult check(Actor actor, @RequestBody CheckRequest request) {
        IncidentId incident = request.incident() == null || request.incident().isBlank()
                ? null
                : IncidentId.fromKey(request.incident());
        List<LanguageFinding> findings = review.check(actor, request.text(), incident);
        return new CheckResult(findings.isEmpty(), findings);
    }
}
