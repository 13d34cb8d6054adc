package com.dealerradar.platform.kafka;

import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/admin/dead-letters} and {@code POST /api/admin/dead-letters/redrive} (ADMIN), on every
 * service that consumes events; the gateway reaches them as {@code /api/admin/<service>/dead-letters}.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterController {

    private static final int MAX_LIMIT = 1_000;

    private final DeadLetterQueue queue;

    DeadLetterController(DeadLetterQueue queue) {
        this.queue = queue;
    }

    record Pending(int count, List<DeadLetterQueue.DeadLetter> letters) {}

    @GetMapping
    Mono<Pending> pending(Caller caller, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(ApiProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT));
        }
        return asAdmin(caller, () -> {
            List<DeadLetterQueue.DeadLetter> letters = queue.pending(limit);
            return new Pending(letters.size(), letters);
        });
    }

    @PostMapping("/redrive")
    Mono<DeadLetterQueue.Redrive> redrive(Caller caller) {
        return asAdmin(caller, queue::redrive);
    }

    /** The broker calls block, so they run off the event loop. */
    private static <T> Mono<T> asAdmin(Caller caller, Callable<T> call) {
        if (caller.role() != Role.ADMIN) {
            return Mono.error(ApiProblem.forbidden("only ADMIN may read or re-drive dead letters"));
        }
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
