package com.runway.standalone;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Gives a Spring test context a data directory of its own, so no test sees another's events. */
final class FreshDataDir {

    private FreshDataDir() {
    }

    static void register(DynamicPropertyRegistry registry, String name) {
        try {
            String dataDir = Files.createTempDirectory("runway-" + name).toString();
            registry.add("runway.data-dir", () -> dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
