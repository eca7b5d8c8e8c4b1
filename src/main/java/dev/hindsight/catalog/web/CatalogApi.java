package dev.hindsight.catalog.web;

import dev.hindsight.catalog.CatalogService;
import dev.hindsight.catalog.ServiceCatalog;
import dev.hindsight.shared.Actor;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The service catalog over JSON. */
@RestController
@RequestMapping("/api/v1/services")
class CatalogApi {

    private final ServiceCatalog catalog;

    CatalogApi(ServiceCatalog catalog) {
        this.catalog = catalog;
    }

    record ServiceRequest(String name, String description, Long teamId) {}

    @GetMapping
    List<CatalogService> list(Actor actor) {
        return catalog.list();
    }

    @PostMapping
    ResponseEntity<CatalogService> create(Actor actor, @RequestBody ServiceRequest request) {
        CatalogService created = catalog.create(actor, request.name(), request.description(), request.teamId());
        return ResponseEntity.created(URI.create("/api/v1/services/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    CatalogService update(Actor actor, @PathVariable long id, @RequestBody ServiceRequest request) {
        return catalog.update(actor, id, request.description(), request.teamId());
    }
}
