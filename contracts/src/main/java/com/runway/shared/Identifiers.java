package com.runway.shared;

import java.util.regex.Pattern;

/** The formats ids may take; an id that breaks them is refused where it is made. */
public final class Identifiers {

    /** Opaque ids: 1 to 128 letters, digits or {@code ._:-}, starting with a letter or digit. */
    public static final String TOKEN_FORMAT = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";
    public static final Pattern TOKEN = Pattern.compile(TOKEN_FORMAT);

    private Identifiers() {
    }

    public static String require(String name, String value, Pattern format) {
        if (value == null || !format.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must match " + format.pattern());
        }
        return value;
    }
}
