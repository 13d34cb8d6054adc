package com.dealerradar.defeatservice.defeat.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.dealerradar.defeatservice.defeat.domain.DefeatKind;
import com.dealerradar.defeatservice.defeat.domain.DefeatSubtype;
import com.dealerradar.defeatservice.defeat.domain.NewDefeat;
import com.dealerradar.defeatservice.leadview.application.KnownLeads;
import com.dealerradar.defeatservice.leadview.application.LeadFeedMark;
import com.dealerradar.defeatservice.leadview.application.LeadFeedProgress;
import com.dealerradar.defeatservice.leadview.domain.KnownLead;
import com.dealerradar.defeatservice.leadview.domain.LeadStatus;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A report on a lead this service does not know: 404 only once the lead events published before the
 * report's wait ended have all been read, 503 to send again while they have not or the broker does not say.
 */
class ReportDefeatTest {

    private static final Duration WAIT = Duration.ofMillis(300);
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    private static final Caller DEALER = new Caller("k-1", Role.DEALER, "D-1", null);

    private final FeedOfOnePartition feed = new FeedOfOnePartition();
    // Only the unknown-lead answers are exercised here: none of them reaches the defeats or the opening.
    private final ReportDefeat reportDefeat = new ReportDefeat(new NoLeads(), feed, null, null,
            new DefeatProperties(Duration.ofHours(48), Duration.ofSeconds(10), WAIT), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aLeadUnknownAfterEveryEarlierEventWasReadIsNotFound() {
        feed.published.set(7);
        feed.read.set(7);

        assertThat(failure().kind()).isEqualTo(ApiProblem.Kind.NOT_FOUND);
    }

    @Test
    void aLeadUnknownWhileEarlierEventsAreUnreadIsUnavailableForAWhile() {
        feed.published.set(7);
        feed.read.set(6);

        ApiProblem problem = failure();
        assertThat(problem.kind()).isEqualTo(ApiProblem.Kind.UNAVAILABLE);
        assertThat(problem.retryAfter()).hasValue(Duration.ofSeconds(5));
        assertThat(problem.getMessage()).contains("L-1", "same externalRef");
    }

    @Test
    void aBrokerThatDoesNotSayHowFarTheFeedIsMakesTheLeadUnavailableForAWhile() {
        feed.unanswered = true;

        assertThat(failure().kind()).isEqualTo(ApiProblem.Kind.UNAVAILABLE);
    }

    @Test
    void theEventsPublishedWhileTheReportWaitedMustHaveBeenReadToo() {
        feed.published.set(7);
        feed.read.set(7);
        // A capture published while the report waits (300 ms) may be the reported lead's, held up in lead-service's outbox.
        Mono.delay(Duration.ofMillis(100)).subscribe(tick -> feed.published.addAndGet(3));

        assertThat(failure().kind()).isEqualTo(ApiProblem.Kind.UNAVAILABLE);
    }

    private ApiProblem failure() {
        NewDefeat request = new NewDefeat("L-1", "ref-1", OffsetDateTime.parse("2026-11-20T18:00:00+08:00"),
                DefeatKind.AT_RISK, DefeatSubtype.GAVE_UP, List.of(), null, null, null, null, null);
        return catchThrowableOfType(ApiProblem.class, () -> reportDefeat.report(DEALER, request).block());
    }

    /** The lead events in one partition: how many were published, and how many the view has read. */
    private static final class FeedOfOnePartition implements LeadFeedProgress {

        final AtomicLong published = new AtomicLong();
        final AtomicLong read = new AtomicLong();
        boolean unanswered;

        @Override
        public Mono<LeadFeedMark> markNow(String leadId) {
            return unanswered ? Mono.error(new IllegalStateException("no broker"))
                    : Mono.fromSupplier(() -> new LeadFeedMark(0, published.get()));
        }

        @Override
        public Mono<Boolean> hasReadUpTo(LeadFeedMark mark) {
            return Mono.fromSupplier(() -> read.get() >= mark.offset());
        }
    }

    /** A view that has never heard of any lead. */
    private static final class NoLeads implements KnownLeads {

        @Override
        public Mono<Void> apply(String leadId, String dealerId, String region, LeadStatus status, long version) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> introduce(String leadId, String dealerId, String region) {
            return Mono.empty();
        }

        @Override
        public Mono<KnownLead> find(String leadId) {
            return Mono.empty();
        }

        @Override
        public Mono<String> regionOfDealer(String dealerId) {
            return Mono.empty();
        }
    }
}
