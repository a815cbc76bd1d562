package com.runway.gateway;

/**
 * What free text from a client (names, addresses, tokens) may hold: any Unicode letter, mark,
 * symbol or space, but no control character (C0 or C1) and no unpaired surrogate, which JSON
 * escapes can smuggle in and which would break every consumer downstream that encodes to UTF-8.
 */
public final class PlainText {

    public static final String PATTERN = "[^\\p{Cc}\\p{Cs}]*";
    public static final String MESSAGE = "must not contain control characters or unpaired surrogates";

    private PlainText() {
    }
}
