package dev.hindsight.analysis.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Serving generated SVG drawings: as an image that can run nothing, even when opened on its own. */
final class Svgs {

    static final MediaType SVG = MediaType.valueOf("image/svg+xml");

    private Svgs() {}

    static ResponseEntity<String> response(String svg) {
        return ResponseEntity.ok()
                .contentType(SVG)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(svg);
    }
}
