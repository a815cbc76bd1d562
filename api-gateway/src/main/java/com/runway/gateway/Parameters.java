package com.runway.gateway;

import java.util.function.Function;

/** Turns path and query parameters into value types, or into a 400 that names the parameter. */
public final class Parameters {

    public static final int MAX_PAGE_SIZE = 100;

    private Parameters() {
    }

    public static <T> T parse(String name, String raw, Function<String, T> parser) {
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.badField(name, e.getMessage());
        }
    }

    public static void requirePage(int page, int size) {
        if (page < 0) {
            throw InvalidRequestException.badField("page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw InvalidRequestException.badField("size", "size must be 1 to " + MAX_PAGE_SIZE);
        }
    }
}
