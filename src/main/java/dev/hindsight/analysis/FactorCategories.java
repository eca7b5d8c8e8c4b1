package dev.hindsight.analysis;

import dev.hindsight.audit.AuditTrail;
import dev.hindsight.audit.FieldChange;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The taxonomy of contributing-factor categories. Everyone reads it; admins add categories. */
@Service
public class FactorCategories {

    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final int MAX_DESCRIPTION = 500;

    private final AnalysisRepository repository;
    private final AuditTrail audit;

    FactorCategories(AnalysisRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** Every category in display order, never null. */
    public List<FactorCategory> list() {
        return repository.categories();
    }

    /** Whether a category with this key exists. */
    public boolean exists(String key) {
        return key != null && repository.categoryExists(key);
    }

    /**
     * Adds a category. Admins only ({@link dev.hindsight.shared.ForbiddenException}); {@link InvalidInputException}
     * for a bad key or description; {@link ConflictException} when the key is taken.
     */
    @Transactional
    public FactorCategory define(Actor actor, String key, String description) {
        actor.require(Role.ADMIN);
        List<FieldError> errors = new ArrayList<>();
        String k = key == null ? "" : key.strip();
        if (!KEY.matcher(k).matches()) {
            errors.add(new FieldError(
                    "key", "1 to 40 lower-case letters, digits and '-', starting with a letter (e.g. detection-gap)"));
        }
        String d = description == null ? "" : description.strip();
        if (d.isEmpty() || d.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "1 to " + MAX_DESCRIPTION + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (repository.categoryExists(k)) {
            throw new ConflictException("A category with key '" + k + "' already exists.");
        }
        try {
            repository.insertCategory(k, d);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A category with key '" + k + "' already exists.");
        }
        audit.record(
                null,
                actor,
                "factor-category-added",
                "Added factor category " + k,
                List.of(new FieldChange("key", null, k), new FieldChange("description", null, d)));
        return new FactorCategory(k, d);
    }
}
