package com.dealerradar.gateway.key;

import com.dealerradar.gateway.auth.Callers;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.problem.ApiProblem;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Key management, served by the gateway itself and open to ADMIN keys only. */
@RestController
@RequestMapping("/api/keys")
public class ApiKeyController {

    private static final int MAX_PAGE_SIZE = 500;

    private final ApiKeyService keys;

    public ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping
    public Mono<ResponseEntity<IssuedApiKey>> issue(@RequestAttribute(Callers.ATTRIBUTE) Caller caller,
                                                    @RequestBody Mono<NewApiKeyRequest> request) {
        // The body is decoded only after the role check, so that a non-admin learns nothing from it.
        requireAdmin(caller);
        return request.flatMap(keys::issue).map(issued -> ResponseEntity
                .created(URI.create("/api/keys/" + issued.keyId()))
                .body(issued));
    }

    @GetMapping
    public Mono<ApiKeyPage> list(@RequestAttribute(Callers.ATTRIBUTE) Caller caller,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        requireAdmin(caller);
        if (page < 0) {
            throw ApiProblem.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return keys.list(page, size);
    }

    @DeleteMapping("/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> revoke(@RequestAttribute(Callers.ATTRIBUTE) Caller caller, @PathVariable String keyId) {
        requireAdmin(caller);
        return keys.revoke(keyId);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ApiProblem.forbidden("only an ADMIN key may manage keys");
        }
    }
}
