package com.dealerradar.leadservice.lead.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The sale that won a lead; {@code price} may be unknown; {@code vehicles}: how many were sold. */
public record Deal(OffsetDateTime occurredAt, String model, BigDecimal price, int vehicles) {}
