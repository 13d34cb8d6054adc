package com.dealerradar.gateway.key;

import com.dealerradar.platform.problem.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Issues, lists and revokes API keys. Who may do so is the controller's concern. */
@Service
public class ApiKeyService {

    private final ApiKeyStore store;
    private final ApiKeySecrets secrets;
    private final RevocationEpochStore revocations;
    private final RevocationEpoch epoch;
    private final Clock clock = Clock.systemUTC();

    public ApiKeyService(ApiKeyStore store, ApiKeySecrets secrets, RevocationEpochStore revocations,
                         RevocationEpoch epoch) {
        this.store = store;
        this.secrets = secrets;
        this.revocations = revocations;
        this.epoch = epoch;
    }

    public Mono<IssuedApiKey> issue(NewApiKeyRequest request) {
        request.validate();
        String secret = secrets.newSecret();
        ApiKey key = new ApiKey(secrets.newKeyId(), request.role(), blankToNull(request.dealerId()),
                blankToNull(request.region()), request.label().strip(), Instant.now(clock), null);
        return store.insert(key, ApiKeyHash.of(secret)).map(saved -> IssuedApiKey.of(saved, secret));
    }

    /**
     * Marks the key revoked, then advances the revocation epoch, which tells every gateway instance to
     * stop believing its cached keys; only then does it answer. Revoking twice is harmless: the first
     * revocation time is kept, and the epoch advances again, so that a retry after a failed advance
     * still reaches every instance.
     */
    public Mono<Void> revoke(String keyId) {
        if (AdminKey.KEY_ID.equals(keyId)) {
            return Mono.error(ApiProblem.conflict("the admin key comes from RADAR_ADMIN_KEY; change it there"));
        }
        return store.findById(keyId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("key " + keyId)))
                .flatMap(key -> key.isRevoked() ? Mono.empty() : store.markRevoked(keyId, Instant.now(clock)))
                .then(Mono.defer(this::advanceEpoch));
    }

    private Mono<Void> advanceEpoch() {
        long startedAt = epoch.now();
        return revocations.advance().doOnNext(advanced -> epoch.observed(advanced, startedAt)).then();
    }

    public Mono<ApiKeyPage> list(int page, int size) {
        return store.page(page, size).collectList()
                .zipWith(store.count(), (items, total) -> new ApiKeyPage(items, page, size, total));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
