package dev.hindsight.postmortem;

import dev.hindsight.incident.Incident;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A document as a reader sees it now: each section's Markdown (written, or assembled from current data for live
 * blocks), its safe HTML, and the diagrams of the diagrams block.
 */
public record RenderedPostmortem(Incident incident, Postmortem document, List<Part> parts, OffsetDateTime renderedAt) {

    /** One section rendered. {@code diagrams} is empty except for the diagrams block. */
    public record Part(Section section, String markdown, String html, List<Diagram> diagrams) {

        public String key() {
            return section.key();
        }

        public String title() {
            return section.title();
        }
    }

    /** A drawing: its title and SVG (as drawn by the analysis or fault tree module). */
    public record Diagram(String title, String svg) {}
}
