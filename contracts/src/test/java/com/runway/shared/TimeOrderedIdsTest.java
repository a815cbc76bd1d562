package com.runway.shared;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    private final AtomicLong clock = new AtomicLong(1_765_000_000_000L);
    private final TimeOrderedIds ids = new TimeOrderedIds(clock::get, new SecureRandom());

    @Test
    void anIdIsAVersion7UuidCarryingTheMillisecondItWasMadeIn() {
        UUID id = ids.nextUuid();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(clock.get());
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void idsMadeInOneMillisecondSortAsTextInTheOrderTheyWereMade() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.nextUuid().toString());
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void idsKeepTheirOrderWhenTheClockStepsBack() {
        String before = ids.nextUuid().toString();
        clock.addAndGet(-5_000);
        String after = ids.nextUuid().toString();
        clock.addAndGet(10_000);
        String later = ids.nextUuid().toString();

        assertThat(List.of(before, after, later)).isSorted().doesNotHaveDuplicates();
        assertThat(UUID.fromString(later).getMostSignificantBits() >>> 16).isEqualTo(clock.get());
    }

    @Test
    void idsOfDifferentMillisecondsSortByTime() {
        String first = ids.nextUuid().toString();
        clock.incrementAndGet();
        String second = ids.nextUuid().toString();

        assertThat(first).isLessThan(second);
    }

    @Test
    void idsMadeAtOnceDifferInTheirRandomPart() {
        TimeOrderedIds elsewhere = new TimeOrderedIds(clock::get, new SecureRandom());
        var randomParts = new HashSet<Long>();
        for (int i = 0; i < 1_000; i++) {
            randomParts.add(ids.nextUuid().getLeastSignificantBits());
            randomParts.add(elsewhere.nextUuid().getLeastSignificantBits());
        }

        assertThat(randomParts).hasSize(2_000);
    }

    @Test
    void axonMakesItsIdsWithTheTimeOrderedFactory() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
        String id = IdentifierFactory.getInstance().generateIdentifier();

        assertThat(UUID.fromString(id).version()).isEqualTo(7);
    }
}
