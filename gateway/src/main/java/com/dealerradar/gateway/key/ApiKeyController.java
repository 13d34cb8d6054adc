package com.dealerradar.gateway.key;

import com.dealerradar.gateway.auth.Callers;
import com.dealerradar.platform.paging.Paging;
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
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        requireAdmin(caller);
        Paging paging = Paging.of(page, size);
        return keys.list(paging.page(), paging.size());
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
