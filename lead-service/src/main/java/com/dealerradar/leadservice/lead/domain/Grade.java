package com.dealerradar.leadservice.lead.domain;

/** How soon the lead is expected to buy: H within 7 days, A 15, B 30, C 90 (defaults). */
public enum Grade { H, A, B, C }
