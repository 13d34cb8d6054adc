package com.dealerradar.analytics.query.application;

import static com.dealerradar.analytics.fact.domain.CellView.CHANNEL;
import static com.dealerradar.analytics.fact.domain.CellView.CONSULTANT;
import static com.dealerradar.analytics.fact.domain.CellView.DEALER;
import static com.dealerradar.analytics.fact.domain.CellView.INDUSTRY;
import static com.dealerradar.analytics.fact.domain.CellView.INDUSTRY_MODEL;
import static com.dealerradar.analytics.fact.domain.CellView.MODEL;
import static com.dealerradar.analytics.fact.domain.CellView.REGION;

import com.dealerradar.platform.problem.ApiProblem;

/** The {@code groupBy} and {@code dimension} parameters: which key of a rollup a row is for. */
final class Dimensions {

    static final Grouping BY_DEALER = new Grouping(DEALER, r -> r.key().dealerId());
    static final Grouping BY_REGION = new Grouping(REGION, r -> r.key().region());
    static final Grouping BY_CHANNEL = new Grouping(CHANNEL, r -> r.key().channel());
    static final Grouping BY_CONSULTANT = new Grouping(CONSULTANT, r -> r.key().consultant());
    static final Grouping BY_MODEL = new Grouping(MODEL, r -> r.key().model());
    static final Grouping BY_INDUSTRY = new Grouping(INDUSTRY, r -> r.key().industry());
    /** The value of an industry-and-model pair reads {@code INDUSTRY/MODEL}. */
    static final Grouping BY_INDUSTRY_MODEL = new Grouping(INDUSTRY_MODEL, r -> r.key().industry() == null
            || r.key().model() == null ? null : r.key().industry() + "/" + r.key().model());

    private Dimensions() {}

    static Grouping funnel(String groupBy) {
        return switch (groupBy == null ? "" : groupBy) {
            case "dealer" -> BY_DEALER;
            case "region" -> BY_REGION;
            case "channel" -> BY_CHANNEL;
            case "model" -> BY_MODEL;
            case "industry" -> BY_INDUSTRY;
            case "consultant" -> BY_CONSULTANT;
            default -> throw ApiProblem.invalid("groupBy", "must be one of dealer, region, channel, model, industry, consultant");
        };
    }

    static Grouping responseTimes(String groupBy) {
        return switch (groupBy == null ? "" : groupBy) {
            case "dealer" -> BY_DEALER;
            case "channel" -> BY_CHANNEL;
            case "consultant" -> BY_CONSULTANT;
            default -> throw ApiProblem.invalid("groupBy", "must be one of dealer, channel, consultant");
        };
    }

    static Grouping comparison(String dimension) {
        return switch (dimension == null ? "" : dimension) {
            case "industry" -> BY_INDUSTRY;
            case "model" -> BY_MODEL;
            case "channel" -> BY_CHANNEL;
            default -> throw ApiProblem.invalid("dimension", "must be one of industry, model, channel");
        };
    }

    static Grouping prospects(String dimension) {
        return switch (dimension == null ? "" : dimension) {
            case "industry" -> BY_INDUSTRY;
            case "model" -> BY_MODEL;
            case "industryModel" -> BY_INDUSTRY_MODEL;
            default -> throw ApiProblem.invalid("dimension", "must be one of industry, model, industryModel");
        };
    }
}
