package com.dealerradar.leadservice.lead.adapter.web;

import com.dealerradar.leadservice.lead.application.LeadFilter;
import com.dealerradar.leadservice.lead.domain.Channel;
import com.dealerradar.leadservice.lead.domain.Grade;
import com.dealerradar.leadservice.lead.domain.Industry;
import com.dealerradar.leadservice.lead.domain.LeadStatus;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.InputBounds;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads the query parameters of the lead list; a wrong value is a 400 naming its parameter. */
final class ListParameters {

    private ListParameters() {}

    static LeadFilter filter(String dealerId, String region, String status, String grade, String channel,
            String industry, String from, String to) {
        return new LeadFilter(blankToNull(dealerId), blankToNull(region),
                enumValue("status", status, LeadStatus.class), enumValue("grade", grade, Grade.class),
                enumValue("channel", channel, Channel.class), enumValue("industry", industry, Industry.class),
                InputBounds.queryDate("from", from), InputBounds.queryDate("to", to));
    }

    private static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(name, "value '" + value + "' is not accepted; allowed: "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
