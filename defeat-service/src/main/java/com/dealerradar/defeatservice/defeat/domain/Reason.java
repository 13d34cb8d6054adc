package com.dealerradar.defeatservice.defeat.domain;

/** Why a customer did not buy here; several may apply. */
public enum Reason {
    PRICE, BUDGET, PRODUCT_FIT, DESIGN, COMPETITOR_OFFER, STOCK, DELIVERY_TIME, FINANCING, TRADE_IN,
    SALES_EXPERIENCE, LOCATION, BRAND_PREFERENCE, PLAN_CHANGED, OTHER
}
