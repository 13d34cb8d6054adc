package com.dealerradar.defeatservice.defeat.application;

import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.defeatservice.defeat.domain.DefeatAlreadySettled;
import com.dealerradar.defeatservice.defeat.domain.NewCallback;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.InvalidCommand;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import java.time.Clock;
import java.util.Objects;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Records a callback on a defeat: by the dealer's own key, a REGION_MANAGER of its region, or ADMIN.
 * The callback, its events and any settlement are one conditional write on the defeat's version; a
 * callback whose {@code externalRef} is recorded already is answered with the defeat as it stands.
 */
@Service
public class RecordCallback {

    /** Writes retried when another callback on the same defeat got in first. */
    private static final int WRITE_ATTEMPTS = 3;

    private final Defeats defeats;
    private final LeadClaims claims;
    private final DefeatLists lists;
    private final Clock clock;

    public RecordCallback(Defeats defeats, LeadClaims claims, DefeatLists lists, Clock clock) {
        this.defeats = defeats;
        this.claims = claims;
        this.lists = lists;
        this.clock = clock;
    }

    public Mono<Defeat> record(Caller caller, String defeatId, NewCallback callback) {
        return record(caller, defeatId, callback, WRITE_ATTEMPTS);
    }

    private Mono<Defeat> record(Caller caller, String defeatId, NewCallback callback, int attemptsLeft) {
        return defeats.find(defeatId)
                // A key outside the defeat's dealer or region learns nothing about the id, not even that it exists.
                .filter(defeat -> caller.canRead(defeat.dealerId(), defeat.region()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("defeat " + defeatId)))
                .flatMap(defeat -> {
                    if (!mayRecord(caller, defeat)) {
                        return Mono.error(ApiProblem.forbidden("a " + caller.role() + " key does not record callbacks"));
                    }
                    return defeat.hasCallback(callback.externalRef()) ? Mono.just(defeat)
                            : write(caller, defeat, callback, attemptsLeft);
                });
    }

    private Mono<Defeat> write(Caller caller, Defeat before, NewCallback callback, int attemptsLeft) {
        Defeat after;
        try {
            after = before.recordCallback(callback, clock.instant());
        } catch (InvalidCommand e) {
            return Mono.error(DefeatProblems.invalid(e));
        } catch (DefeatAlreadySettled e) {
            return Mono.error(DefeatProblems.settled(e));
        }
        return lists.changing(before, after)
                .then(defeats.update(before, after, DefeatEvents.afterCallback(after)))
                .flatMap(applied -> {
                    if (!applied) {
                        return attemptsLeft > 1 ? record(caller, before.defeatId(), callback, attemptsLeft - 1)
                                : Mono.error(ApiProblem.conflict("defeat " + before.defeatId()
                                        + " is changing concurrently; retry"));
                    }
                    Mono<Void> listed = lists.changed(before, after);
                    return after.state().settled()
                            ? claims.release(after.leadId(), after.defeatId()).then(listed).thenReturn(after)
                            : listed.thenReturn(after);
                });
    }

    private static boolean mayRecord(Caller caller, Defeat defeat) {
        return switch (caller.role()) {
            case ADMIN -> true;
            case DEALER -> caller.canWriteFor(defeat.dealerId());
            case REGION_MANAGER -> Objects.equals(caller.region(), defeat.region());
            case HQ -> false;
        };
    }
}
