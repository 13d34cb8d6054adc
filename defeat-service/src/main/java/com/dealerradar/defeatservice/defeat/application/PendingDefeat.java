package com.dealerradar.defeatservice.defeat.application;

import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.platform.outbox.OutboxEvent;
import java.util.List;

/** A defeat to be opened, with the events of its creation: parked on its lead while the opening is under way. */
public record PendingDefeat(Defeat defeat, List<OutboxEvent> events) {}
