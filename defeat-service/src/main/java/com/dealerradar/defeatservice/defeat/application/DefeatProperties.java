package com.dealerradar.defeatservice.defeat.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param callbackDue           how long after the loss its callback is due
 * @param openingRecoveryAfter  how old an interrupted defeat opening must be before the sweep completes it
 * @param unknownLeadWait       how long a report on a lead not yet known here waits for its capture event
 */
@ConfigurationProperties("radar.defeat")
public record DefeatProperties(
        @DefaultValue("48h") Duration callbackDue,
        @DefaultValue("10s") Duration openingRecoveryAfter,
        @DefaultValue("3s") Duration unknownLeadWait) {}
