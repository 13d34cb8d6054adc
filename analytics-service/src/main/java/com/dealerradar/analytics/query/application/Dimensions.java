package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.fact.domain.Rollup;
import com.dealerradar.platform.web.ApiProblem;
import java.util.function.Function;

/** The {@code groupBy} and {@code dimension} parameters: which key of a rollup a row is for. */
final class Dimensions {

    private Dimensions() {}

    static Function<Rollup, String> funnelKey(String groupBy) {
        return switch (groupBy == null ? "" : groupBy) {
            case "dealer" -> r -> r.key().dealerId();
            case "region" -> r -> r.key().region();
            case "channel" -> r -> r.key().channel();
            case "model" -> r -> r.key().model();
            case "industry" -> r -> r.key().industry();
            case "consultant" -> r -> r.key().consultant();
            default -> throw ApiProblem.invalid("groupBy", "must be one of dealer, region, channel, model, industry, consultant");
        };
    }

    static Function<Rollup, String> responseKey(String groupBy) {
        return switch (groupBy == null ? "" : groupBy) {
            case "dealer" -> r -> r.key().dealerId();
            case "channel" -> r -> r.key().channel();
            case "consultant" -> r -> r.key().consultant();
            default -> throw ApiProblem.invalid("groupBy", "must be one of dealer, channel, consultant");
        };
    }

    static Function<Rollup, String> comparisonValue(String dimension) {
        return switch (dimension == null ? "" : dimension) {
            case "industry" -> r -> r.key().industry();
            case "model" -> r -> r.key().model();
            case "channel" -> r -> r.key().channel();
            default -> throw ApiProblem.invalid("dimension", "must be one of industry, model, channel");
        };
    }

    /** The value of an industry-and-model pair reads {@code INDUSTRY/MODEL}. */
    static Function<Rollup, String> prospectValue(String dimension) {
        return switch (dimension == null ? "" : dimension) {
            case "industry" -> r -> r.key().industry();
            case "model" -> r -> r.key().model();
            case "industryModel" -> r -> r.key().industry() == null || r.key().model() == null ? null
                    : r.key().industry() + "/" + r.key().model();
            default -> throw ApiProblem.invalid("dimension", "must be one of industry, model, industryModel");
        };
    }
}
