package com.dealerradar.leadservice.lead.adapter.web;

import com.dealerradar.leadservice.lead.application.CaptureBatch;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.Violation;
import com.dealerradar.platform.web.BodyErrors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads each item of a batch on its own, with the same rules as a single {@code POST /api/leads}, so
 * that an unreadable or invalid item becomes that item's problem instead of failing the batch.
 */
@Component
class BatchItems {

    private final JsonMapper json;
    private final Validator validator;

    BatchItems(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    CaptureBatch.Item read(JsonNode node) {
        LeadRequest request;
        try {
            request = json.treeToValue(node, LeadRequest.class);
        } catch (DatabindException e) {
            return unreadable(List.of(BodyErrors.of(e)));
        } catch (JacksonException e) {
            return unreadable(List.of(new Violation("body", "is not a lead")));
        }
        if (request == null) {
            return unreadable(List.of(new Violation("body", "is not a lead")));
        }
        Set<ConstraintViolation<LeadRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return unreadable(violations.stream()
                    .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Violation::field))
                    .toList());
        }
        return new CaptureBatch.Item(request.toNewLead(), null);
    }

    private static CaptureBatch.Item unreadable(List<Violation> errors) {
        return new CaptureBatch.Item(null, ApiProblem.invalid(errors));
    }
}
