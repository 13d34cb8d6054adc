package com.dealerradar.defeatservice.defeat.adapter.web;

/** Optional text fields: blank means absent. */
final class Text {

    private Text() {}

    static String orNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
