package com.runway.standalone;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredTimestampsTest {

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(29);
        for (int i = 0; i < 100_000; i++) {
            Instant written = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 253_000_000_000_000L));
            String stored = DateTimeUtils.formatInstant(written);

            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored)).isEqualTo(written);
        }
    }

    @Test
    void leavesEveryOtherShapeToAxonsParser() {
        for (String stored : new String[]{"2026-11-29T23:45:12.123+01:00", "2026-11-29T23:45:12.123456789Z", "2026-11-29T23:45:12Z",
                "+12026-11-29T23:45:12.123Z", "2026-11-29t23:45:12.123z", "2024-02-29T23:59:59.999Z"}) {
            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void refusesWhatAxonsParserRefuses() {
        for (String stored : new String[]{"2026-02-30T10:00:00.000Z", "2026-11-29T24:00:00.000Z", "2026-11-29T23:60:00.000Z",
                "2026-13-01T10:00:00.000Z", "2026-1a-01T10:00:00.000Z", "not a timestamp at all!!"}) {
            assertThatThrownBy(() -> StoredTimestamps.parse(stored)).as(stored).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(stored)).as(stored).isInstanceOf(DateTimeParseException.class);
        }
    }
}
